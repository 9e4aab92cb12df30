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
    l_0_watch = resolve('watch')
    l_0_edition = resolve('edition')
    l_0_topics = resolve('topics')
    pass
    yield '<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n<ol>\n<li><a href="#bottom-line">Bottom line</a></li>\n'
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
    if (undefined(name='watch') if l_0_watch is missing else l_0_watch):
        pass
        yield '<li><a href="#watch">What to watch</a></li>'
    yield '<li><a href="#caveats">Caveats</a></li>\n'
    if (undefined(name='edition') if l_0_edition is missing else l_0_edition):
        pass
        yield '<li><a href="#changes">What changed</a></li>'
    yield '<li><a href="#findings">Reported findings</a>\n<ol>'
    for (l_1_topic, l_1_anchor, l_1_views) in (undefined(name='topics') if l_0_topics is missing else l_0_topics):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(l_1_anchor)
        yield '">'
        yield escape(l_1_topic)
        yield '</a></li>'
    l_1_topic = l_1_anchor = l_1_views = missing
    yield '</ol></li>\n<li><a href="#sources">Sources</a></li>\n<li><a href="#legends">Grades and terms</a></li>\n</ol>\n</nav>\n'

blocks = {}
debug_info = '5=18&6=21&8=30&9=33&11=37&13=41'