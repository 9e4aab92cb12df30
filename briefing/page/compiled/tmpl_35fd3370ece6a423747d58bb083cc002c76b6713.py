from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'judgments_annex.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_judgments = resolve('judgments')
    l_0_annexes = resolve('annexes')
    l_0_annex = resolve('annex')
    l_0_flag = l_0_grading = missing
    try:
        t_1 = environment.filters['counted']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'counted' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    included_template = environment.get_template('macros.html', 'judgments_annex.html')._get_default_module(context)
    l_0_flag = getattr(included_template, 'flag', missing)
    if l_0_flag is missing:
        l_0_flag = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'judgments_annex.html') does not export the requested name 'flag'", name='flag')
    l_0_grading = getattr(included_template, 'grading', missing)
    if l_0_grading is missing:
        l_0_grading = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'judgments_annex.html') does not export the requested name 'grading'", name='grading')
    context.vars.update({'flag': l_0_flag, 'grading': l_0_grading})
    context.exported_vars.difference_update(('flag', 'grading'))
    if (undefined(name='judgments') if l_0_judgments is missing else l_0_judgments):
        pass
        l_0_annex = environment.getitem((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'judgments-in-full')
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
        yield '</h2>\n<p class="section-note">The analyst\'s own assessments, kept apart from what the sources report: what each rests on, the alternatives weighed, and the analyst\'s note.</p>\n<ol class="judgments-full">\n'
        for l_1_j in (undefined(name='judgments') if l_0_judgments is missing else l_0_judgments):
            l_1_demote = resolve('demote')
            _loop_vars = {}
            pass
            yield '<li class="judgment-full" id="'
            yield escape(environment.getattr(l_1_j, 'basis_anchor'))
            yield '">\n<p class="statement"><a href="#'
            yield escape(environment.getattr(l_1_j, 'anchor'))
            yield '">'
            yield escape(environment.getattr(l_1_j, 'statement_text'))
            yield '</a></p>\n<p class="grading">'
            yield escape(context.call((undefined(name='grading') if l_0_grading is missing else l_0_grading), l_1_j, _loop_vars=_loop_vars))
            yield ' '
            yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), l_1_j, _loop_vars=_loop_vars))
            yield '</p>\n'
            if environment.getattr(l_1_j, 'origins_line'):
                pass
                yield '<p class="origins">'
                yield escape(environment.getattr(l_1_j, 'origins_line'))
                yield '</p>'
            if environment.getattr(l_1_j, 'based_on'):
                pass
                yield '<details class="bases-list">\n<summary>Based directly on '
                yield escape(t_1(t_2(environment.getattr(l_1_j, 'based_on')), 'claim'))
                yield '</summary>\n<ul class="bases">'
                for l_2_b in environment.getattr(l_1_j, 'based_on'):
                    _loop_vars = {}
                    pass
                    yield '<li><a href="#'
                    yield escape(environment.getattr(l_2_b, 'anchor'))
                    yield '">'
                    yield escape(environment.getattr(l_2_b, 'words'))
                    yield '</a></li>'
                l_2_b = missing
                yield '</ul>\n</details>'
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
                yield escape(t_2(environment.getattr(l_1_j, 'indicators_html')))
                yield ' in What to watch</a></p>'
            if environment.getattr(environment.getattr(l_1_j, 'model'), 'note'):
                pass
                yield '<details class="reasoning">\n<summary>The analyst\'s note'
                if environment.getattr(environment.getattr(l_1_j, 'model'), 'flag'):
                    pass
                    yield ': why it is flagged'
                yield '</summary>\n<div class="note" id="'
                yield escape(environment.getattr(l_1_j, 'note_anchor'))
                yield '">'
                yield escape(context.call((undefined(name='demote') if l_1_demote is missing else l_1_demote), environment.getattr(l_1_j, 'note_html'), 3, _loop_vars=_loop_vars))
                yield '</div>\n</details>'
            yield '</li>\n'
        l_1_j = l_1_demote = missing
        yield '</ol>\n</section>\n'

blocks = {}
debug_info = '1=27&2=36&3=38&4=42&5=46&8=50&9=55&10=57&11=61&12=65&13=70&14=73&15=75&17=85&18=94&19=97&20=105&21=112&22=115&23=119'