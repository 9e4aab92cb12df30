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
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
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
        yield '<section id="key-judgments" aria-labelledby="key-judgments-h">\n<h2 id="key-judgments-h">Key judgments</h2>\n<p class="section-note">The analyst\'s own assessments, kept apart from what the sources report.</p>\n<ol class="judgments">\n'
        for l_1_j in (undefined(name='judgments') if l_0_judgments is missing else l_0_judgments):
            l_1_demote = resolve('demote')
            _loop_vars = {}
            pass
            yield '<li class="judgment" id="'
            yield escape(environment.getattr(l_1_j, 'anchor'))
            yield '">\n<p class="statement">'
            yield escape(environment.getattr(l_1_j, 'statement_html'))
            yield ' '
            yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), l_1_j, _loop_vars=_loop_vars))
            yield '</p>\n'
            if ((((environment.getattr(l_1_j, 'based_on') or environment.getattr(l_1_j, 'alternatives_html')) or environment.getattr(l_1_j, 'indicators_html')) or environment.getattr(environment.getattr(l_1_j, 'model'), 'note')) or environment.getattr(l_1_j, 'citations')):
                pass
                yield '<details class="reasoning">\n<summary><span class="grading">'
                yield escape(context.call((undefined(name='grading') if l_0_grading is missing else l_0_grading), l_1_j, _loop_vars=_loop_vars))
                yield '</span> <span class="open">Basis'
                if environment.getattr(l_1_j, 'alternatives_html'):
                    pass
                    yield ', alternatives'
                if environment.getattr(l_1_j, 'indicators_html'):
                    pass
                    yield ' and indicators'
                yield '</span></summary>\n'
                if environment.getattr(l_1_j, 'origins_line'):
                    pass
                    yield '<p class="origins">'
                    yield escape(environment.getattr(l_1_j, 'origins_line'))
                    yield '</p>'
                if environment.getattr(l_1_j, 'based_on'):
                    pass
                    yield '<p class="label">Rests on</p>\n<ul>'
                    for (l_2_anchor, l_2_statement, l_2_opening) in environment.getattr(l_1_j, 'based_on'):
                        _loop_vars = {}
                        pass
                        yield '<li><a href="#'
                        yield escape(l_2_anchor)
                        yield '" title="'
                        yield escape(l_2_statement)
                        yield '">'
                        yield escape(l_2_opening)
                        yield '</a></li>'
                    l_2_anchor = l_2_statement = l_2_opening = missing
                    yield '</ul>'
                if environment.getattr(l_1_j, 'citations'):
                    pass
                    yield '<p class="citations">Sources: '
                    for l_2_c in environment.getattr(l_1_j, 'citations'):
                        _loop_vars = {}
                        pass
                        yield escape(context.call(environment.getattr(l_2_c, 'html'), _loop_vars=_loop_vars))
                    l_2_c = missing
                    yield '</p>'
                if environment.getattr(l_1_j, 'alternatives_html'):
                    pass
                    yield '<p class="label">Alternatives weighed</p>\n<ul>'
                    for l_2_a in environment.getattr(l_1_j, 'alternatives_html'):
                        _loop_vars = {}
                        pass
                        yield '<li>'
                        yield escape(l_2_a)
                        yield '</li>'
                    l_2_a = missing
                    yield '</ul>'
                if environment.getattr(l_1_j, 'indicators_html'):
                    pass
                    yield '<p class="label">Indicators: <a href="#watch_'
                    yield escape(environment.getattr(environment.getattr(l_1_j, 'model'), 'id'))
                    yield '">'
                    yield escape(t_1(environment.getattr(l_1_j, 'indicators_html')))
                    yield ' in What to watch</a></p>'
                if environment.getattr(environment.getattr(l_1_j, 'model'), 'note'):
                    pass
                    yield '<div class="note" id="'
                    yield escape(environment.getattr(l_1_j, 'note_anchor'))
                    yield '">'
                    yield escape(context.call((undefined(name='demote') if l_1_demote is missing else l_1_demote), environment.getattr(l_1_j, 'note_html'), 3, _loop_vars=_loop_vars))
                    yield '</div>'
                yield '</details>\n'
            else:
                pass
                yield '<p class="grading">'
                yield escape(context.call((undefined(name='grading') if l_0_grading is missing else l_0_grading), l_1_j, _loop_vars=_loop_vars))
                yield '</p>\n'
            yield '</li>\n'
        l_1_j = l_1_demote = missing
        yield '</ol>\n</section>\n'

blocks = {}
debug_info = '1=19&2=28&7=31&8=36&9=38&10=42&12=45&13=54&14=59&15=62&16=74&17=83&18=86&19=94&20=101&23=112'