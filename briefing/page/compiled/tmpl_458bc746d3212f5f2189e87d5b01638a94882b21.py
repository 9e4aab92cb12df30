from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'legends.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_vocab = resolve('vocab')
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    pass
    yield '<details id="legends" class="legends-box">\n<summary>Grades and terms</summary>\n<div class="legends">\n<div>\n<h2>Source reliability (Admiralty)</h2>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'SOURCE_RELIABILITY'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h2>Information credibility (Admiralty)</h2>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'INFORMATION_CREDIBILITY'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h2>Likelihood (ICD 203)</h2>\n<dl>'
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
    yield '</dl>\n</div>\n<div>\n<h2>Confidence</h2>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'CONFIDENCE'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_k)
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n<div>\n<h2>Flags</h2>\n<dl>'
    for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='vocab') if l_0_vocab is missing else l_0_vocab), 'FLAGS'), 'items')):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(t_1(context.call(environment.getattr(l_1_k, 'replace'), '-', ' ', _loop_vars=_loop_vars)))
        yield '</dt><dd>'
        yield escape(l_1_v)
        yield '</dd>'
    l_1_k = l_1_v = missing
    yield '</dl>\n</div>\n</div>\n</details>\n'

blocks = {}
debug_info = '6=19&10=29&14=39&18=51&22=61'