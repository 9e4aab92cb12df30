from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'macros.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_flag = l_0_grading = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    pass
    def macro(l_1_v, l_1_brief):
        t_2 = []
        l_1_flag_badge = resolve('flag_badge')
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        if l_1_brief is missing:
            l_1_brief = False
        pass
        if (environment.getattr(environment.getattr(l_1_v, 'model'), 'flag') and (not (l_1_brief and (environment.getattr(l_1_v, 'flag_weight') == 'quiet')))):
            pass
            t_2.append(
                escape(context.call((undefined(name='flag_badge') if l_1_flag_badge is missing else l_1_flag_badge), environment.getattr(environment.getattr(l_1_v, 'model'), 'flag'))),
            )
        return concat(t_2)
    context.exported_vars.add('flag')
    context.vars['flag'] = l_0_flag = Macro(environment, macro, 'flag', ('v', 'brief'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_v):
        t_3 = []
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        pass
        if (environment.getattr(environment.getattr(l_1_v, 'model'), 'kind') == 'assumption'):
            pass
            t_3.append(
                '<span class="kind">Assumption</span> ',
            )
        if environment.getattr(environment.getattr(l_1_v, 'model'), 'likelihood'):
            pass
            t_3.extend((
                '<span class="likelihood"><strong>',
                escape(t_1(environment.getattr(environment.getattr(l_1_v, 'model'), 'likelihood'))),
                '</strong> (',
                escape(environment.getattr(l_1_v, 'likelihood_range')),
                ')</span> ',
            ))
        if environment.getattr(environment.getattr(l_1_v, 'model'), 'confidence'):
            pass
            t_3.extend((
                '<span class="confidence"><strong>',
                escape(t_1(environment.getattr(environment.getattr(l_1_v, 'model'), 'confidence'))),
                '</strong> confidence</span>',
            ))
        return concat(t_3)
    context.exported_vars.add('grading')
    context.vars['grading'] = l_0_grading = Macro(environment, macro, 'grading', ('v',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=18&5=26&8=35&9=40&10=45&11=54'