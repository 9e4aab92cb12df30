from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'judgments.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_judgments = resolve('judgments')
    l_0_flag = l_0_grading = missing
    pass
    included_template = environment.get_template('macros.html', 'judgments.html')._get_default_module(context)
    l_0_flag = getattr(included_template, 'flag', missing)
    if l_0_flag is missing:
        l_0_flag = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'judgments.html') does not export the requested name 'flag'", name='flag')
    l_0_grading = getattr(included_template, 'grading', missing)
    if l_0_grading is missing:
        l_0_grading = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'judgments.html') does not export the requested name 'grading'", name='grading')
    context.vars.update({'flag': l_0_flag, 'grading': l_0_grading})
    context.exported_vars.difference_update(('flag', 'grading'))
    if (undefined(name='judgments') if l_0_judgments is missing else l_0_judgments):
        pass
        yield '<section id="key-judgments" aria-labelledby="key-judgments-h">\n<h2 id="key-judgments-h">Key judgments</h2>\n<ol class="judgments">\n'
        l_1_loop = missing
        for l_1_j, l_1_loop in LoopContext((undefined(name='judgments') if l_0_judgments is missing else l_0_judgments), undefined):
            _loop_vars = {}
            pass
            yield '<li class="judgment statement" id="'
            yield escape(environment.getattr(l_1_j, 'anchor'))
            yield '">'
            yield escape(environment.getattr(l_1_j, 'statement_html'))
            yield ' '
            yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), l_1_j, brief=True, _loop_vars=_loop_vars))
            yield ' <span class="grading">'
            yield escape(context.call((undefined(name='grading') if l_0_grading is missing else l_0_grading), l_1_j, _loop_vars=_loop_vars))
            yield '</span>'
            if environment.getattr(l_1_j, 'has_reasoning'):
                pass
                yield ' <a class="more" href="#'
                yield escape(environment.getattr(l_1_j, 'basis_anchor'))
                yield '">Basis<span class="visually-hidden">, judgment '
                yield escape(environment.getattr(l_1_loop, 'index'))
                yield '</span></a>'
            yield '</li>\n'
        l_1_loop = l_1_j = missing
        yield '</ol>\n</section>\n'

blocks = {}
debug_info = '1=13&2=22&6=26&7=30'