from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'context.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_trends = resolve('trends')
    l_0_locator = resolve('locator')
    pass
    if (undefined(name='trends') if l_0_trends is missing else l_0_trends):
        pass
        yield '<section id="trends" aria-labelledby="trends-h">\n<h2 id="trends-h">Estimates over time</h2>\n'
        for l_1_t in (undefined(name='trends') if l_0_trends is missing else l_0_trends):
            _loop_vars = {}
            pass
            yield '<figure class="series" id="'
            yield escape(environment.getattr(l_1_t, 'anchor'))
            yield '">\n'
            yield escape(environment.getattr(l_1_t, 'svg'))
            yield '\n<figcaption>'
            yield escape(environment.getattr(environment.getattr(l_1_t, 'series'), 'estimator'))
            yield ': '
            yield escape(environment.getattr(environment.getattr(l_1_t, 'series'), 'quantity'))
            if environment.getattr(environment.getattr(l_1_t, 'series'), 'unit'):
                pass
                yield ' ('
                yield escape(environment.getattr(environment.getattr(l_1_t, 'series'), 'unit'))
                yield ')'
            yield ', '
            yield escape(environment.getattr(environment.getattr(l_1_t, 'series'), 'location'))
            yield '. A hollow mark or a dashed line is not a count.'
            yield escape(environment.getattr(l_1_t, 'points'))
            yield '</figcaption>\n</figure>\n'
        l_1_t = missing
        yield '</section>\n'
    template = environment.get_template('chronology.html', 'context.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if (undefined(name='locator') if l_0_locator is missing else l_0_locator):
        pass
        yield '<section id="places" aria-labelledby="places-h">\n<h2 id="places-h">Where</h2>\n'
        yield escape((undefined(name='locator') if l_0_locator is missing else l_0_locator))
        yield '\n</section>\n'

blocks = {}
debug_info = '3=13&6=16&7=22&8=24&13=39&14=45&17=48'