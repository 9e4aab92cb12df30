from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'toc.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_judgments = resolve('judgments')
    l_0_tables = resolve('tables')
    l_0_single_figures = resolve('single_figures')
    l_0_trends = resolve('trends')
    l_0_chronology = resolve('chronology')
    l_0_locator = resolve('locator')
    l_0_watch = resolve('watch')
    l_0_annexes = resolve('annexes')
    pass
    yield '<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n<p class="toc-part" id="toc-brief">The brief</p>\n<ol aria-labelledby="toc-brief">\n<li><a href="#bottom-line">Bottom line</a></li>\n'
    if (undefined(name='judgments') if l_0_judgments is missing else l_0_judgments):
        pass
        yield '<li><a href="#key-judgments">Key judgments</a></li>'
    for l_1_t in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_t, 'quantity'))
        yield '</a></li>\n'
    l_1_t = missing
    if (undefined(name='single_figures') if l_0_single_figures is missing else l_0_single_figures):
        pass
        yield '<li><a href="#other-figures">Other figures</a></li>'
    if (undefined(name='trends') if l_0_trends is missing else l_0_trends):
        pass
        yield '<li><a href="#trends">Estimates over time</a></li>'
    if (undefined(name='chronology') if l_0_chronology is missing else l_0_chronology):
        pass
        yield '<li><a href="#chronology">Chronology</a></li>'
    if (undefined(name='locator') if l_0_locator is missing else l_0_locator):
        pass
        yield '<li><a href="#places">Where</a></li>'
    if (undefined(name='watch') if l_0_watch is missing else l_0_watch):
        pass
        yield '<li><a href="#watch">What to watch</a></li>'
    yield '</ol>\n<p class="toc-part" id="toc-annexes">Annexes</p>\n<ol class="toc-annexes" aria-labelledby="toc-annexes">\n'
    for l_1_a in context.call(environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'values')):
        l_1_topics = resolve('topics')
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_a, 'anchor'))
        yield '"><span class="annex-letter">'
        yield escape(environment.getattr(l_1_a, 'letter'))
        yield '</span> '
        yield escape(environment.getattr(l_1_a, 'name'))
        yield '</a>'
        if (environment.getattr(l_1_a, 'anchor') == 'findings'):
            pass
            yield '<ol>'
            for l_2_topic in (undefined(name='topics') if l_1_topics is missing else l_1_topics):
                _loop_vars = {}
                pass
                yield '<li><a href="#'
                yield escape(environment.getattr(l_2_topic, 'anchor'))
                yield '">'
                yield escape(environment.getattr(l_2_topic, 'name'))
                yield '</a></li>'
            l_2_topic = missing
            yield '</ol>'
        yield '</li>\n'
    l_1_a = l_1_topics = missing
    yield '</ol>\n</nav>\n'

blocks = {}
debug_info = '6=20&7=23&9=32&10=35&11=38&12=41&13=44&17=48&18=62'