from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sources.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_annexes = resolve('annexes')
    l_0_origins = resolve('origins')
    l_0_sources = resolve('sources')
    l_0_annex = missing
    try:
        t_1 = environment.filters['counted']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'counted' found.")
    try:
        t_2 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_5 = environment.filters['plural']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'plural' found.")
    pass
    l_0_annex = environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'sources')
    context.vars['annex'] = l_0_annex
    context.exported_vars.add('annex')
    yield '<section id="'
    yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'anchor'))
    yield '" class="annex" aria-labelledby="'
    yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'anchor'))
    yield '-h">\n<h2 id="'
    yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'anchor'))
    yield '-h">'
    yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'heading'))
    yield '</h2>\n'
    if (undefined(name='origins') if l_0_origins is missing else l_0_origins):
        pass
        yield '<details class="origins-list">\n<summary>What the sources relay: '
        yield escape(t_1(t_3((undefined(name='origins') if l_0_origins is missing else l_0_origins)), 'briefing'))
        yield ', '
        yield escape(t_5(t_3((undefined(name='origins') if l_0_origins is missing else l_0_origins)), 'statement'))
        yield ' or '
        yield escape(t_5(t_3((undefined(name='origins') if l_0_origins is missing else l_0_origins)), 'report'))
        yield ' traced</summary>\n<ul>'
        for l_1_o in (undefined(name='origins') if l_0_origins is missing else l_0_origins):
            l_1_demote = resolve('demote')
            _loop_vars = {}
            pass
            yield '<li id="'
            yield escape(environment.getattr(l_1_o, 'anchor'))
            yield '">'
            if environment.getattr(environment.getattr(l_1_o, 'model'), 'url'):
                pass
                yield '<a class="url" href="'
                yield escape(environment.getattr(environment.getattr(l_1_o, 'model'), 'url'))
                yield '" rel="noreferrer">'
                yield escape(environment.getattr(environment.getattr(l_1_o, 'model'), 'title'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr(environment.getattr(l_1_o, 'model'), 'title'))
            if environment.getattr(environment.getattr(l_1_o, 'model'), 'note'):
                pass
                yield escape(context.call((undefined(name='demote') if l_1_demote is missing else l_1_demote), environment.getattr(l_1_o, 'note_html'), 4, _loop_vars=_loop_vars))
            yield '</li>'
        l_1_o = l_1_demote = missing
        yield '</ul>\n</details>\n'
    for l_1_s in (undefined(name='sources') if l_0_sources is missing else l_0_sources):
        l_1_reader_date = resolve('reader_date')
        l_1_demote = resolve('demote')
        _loop_vars = {}
        pass
        yield '<article class="source" id="'
        yield escape(environment.getattr(l_1_s, 'anchor'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr(l_1_s, 'anchor'))
        yield '_h">\n<h3 id="'
        yield escape(environment.getattr(l_1_s, 'anchor'))
        yield '_h">'
        yield escape(environment.getattr(environment.getattr(l_1_s, 'model'), 'title'))
        yield '</h3>\n<p class="source-meta">'
        yield escape((environment.getattr(environment.getattr(l_1_s, 'model'), 'publisher') or 'Publisher not known'))
        yield ', '
        if environment.getattr(environment.getattr(l_1_s, 'model'), 'published'):
            pass
            yield '<time datetime="'
            yield escape(context.call(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'model'), 'published'), 'isoformat'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(context.call((undefined(name='reader_date') if l_1_reader_date is missing else l_1_reader_date), environment.getattr(environment.getattr(l_1_s, 'model'), 'published'), _loop_vars=_loop_vars))
            yield '</time>'
        else:
            pass
            yield 'date not known'
        yield '. Reliability '
        yield escape(environment.getattr(environment.getattr(l_1_s, 'model'), 'reliability'))
        yield ': '
        yield escape(t_4(environment.getattr(l_1_s, 'reliability_label')))
        yield '.'
        if environment.getattr(l_1_s, 'origin'):
            pass
            yield ' Relays <a href="#'
            yield escape(environment.getattr(l_1_s, 'origin_anchor'))
            yield '">'
            yield escape(environment.getattr(l_1_s, 'origin'))
            yield '</a>.'
        if environment.getattr(l_1_s, 'cited'):
            pass
            yield ' It holds the passages cited as ['
            yield escape(environment.getattr(l_1_s, 'cited'))
            yield '].'
        yield '</p>\n<details class="source-details">\n<summary>About this source: the analyst\'s note, file and address</summary>\n<dl class="source-facts">\n'
        if environment.getattr(environment.getattr(l_1_s, 'model'), 'url'):
            pass
            yield '<dt>Address</dt><dd><a class="url" href="'
            yield escape(environment.getattr(environment.getattr(l_1_s, 'model'), 'url'))
            yield '" rel="noreferrer">'
            yield escape(environment.getattr(environment.getattr(l_1_s, 'model'), 'url'))
            yield '</a></dd>'
        yield '<dt>File</dt><dd><code>'
        yield escape(environment.getattr(environment.getattr(l_1_s, 'model'), 'file'))
        yield '</code>, SHA-256 <code class="hash">'
        yield escape(environment.getattr(l_1_s, 'sha256'))
        yield '</code></dd>\n<dt>Quoted by claims</dt><dd>'
        yield escape(t_2('%.0f', (environment.getattr(l_1_s, 'coverage') * 100)))
        yield '% of its '
        yield escape(t_1(t_3(environment.getattr(l_1_s, 'sentences')), 'sentence'))
        yield '</dd>\n</dl>\n'
        if environment.getattr(environment.getattr(l_1_s, 'model'), 'note'):
            pass
            yield '<div class="note">'
            yield escape(context.call((undefined(name='demote') if l_1_demote is missing else l_1_demote), environment.getattr(l_1_s, 'note_html'), 4, _loop_vars=_loop_vars))
            yield '</div>'
        if environment.getattr(l_1_s, 'uncovered'):
            pass
            yield '<p class="label">'
            yield escape(t_1(t_3(environment.getattr(l_1_s, 'uncovered')), 'sentence'))
            yield ' no claim uses</p>\n<ul>'
            for l_2_sentence in environment.getattr(l_1_s, 'uncovered'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_2_sentence)
                yield '</li>'
            l_2_sentence = missing
            yield '</ul>'
        yield '</details>\n<div class="source-text">\n'
        yield escape(environment.getattr(l_1_s, 'text_html'))
        yield '\n</div>\n</article>\n'
    l_1_s = l_1_reader_date = l_1_demote = missing
    template = environment.get_template('references.html', 'sources.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'annex': l_0_annex}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</section>\n'

blocks = {}
debug_info = '1=45&2=49&3=53&4=57&6=60&7=66&10=89&11=95&12=99&13=103&17=133&18=141&19=145&21=149&22=154&23=159&26=168&30=171'