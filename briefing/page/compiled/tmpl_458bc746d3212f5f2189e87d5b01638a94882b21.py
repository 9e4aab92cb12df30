from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'legends.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_annexes = resolve('annexes')
    l_0_grading_html = resolve('grading_html')
    l_0_demote = resolve('demote')
    l_0_vocab = resolve('vocab')
    l_0_annex = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    pass
    l_0_annex = environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'legends')
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
    if (undefined(name='grading_html') if l_0_grading_html is missing else l_0_grading_html):
        pass
        yield '<div class="grading-rule">'
        yield escape(context.call((undefined(name='demote') if l_0_demote is missing else l_0_demote), (undefined(name='grading_html') if l_0_grading_html is missing else l_0_grading_html), 3))
        yield '</div>'
    yield '<details class="legends-box">\n<summary>The scales and flags the briefing uses</summary>\n<div class="legends">\n<div>\n<h3>Source reliability (Admiralty)</h3>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'SOURCE_RELIABILITY'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h3>Information credibility (Admiralty)</h3>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'INFORMATION_CREDIBILITY'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h3>Likelihood (ICD 203)</h3>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'LIKELIHOOD'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(environment.getitem(l_1_v, 0))
        yield '–'
        yield escape(environment.getitem(l_1_v, 1))
        yield '%</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h3>Confidence</h3>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'CONFIDENCE'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h3>Flags</h3>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'FLAGS'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(t_1(context.call(environment.getattr(l_1_k, 'replace'), '-', ' ', _loop_vars=_loop_vars)))
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n</div>\n</details>\n</section>\n'

blocks = {}
debug_info = '1=22&2=26&3=30&4=34&10=40&14=50&18=60&22=72&26=82'