from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'estimates.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_tables = resolve('tables')
    l_0_single_figures = resolve('single_figures')
    l_0_flag = resolve('flag')
    try:
        t_1 = environment.filters['iso']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'iso' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    for l_1_t in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
        l_1_annexes = resolve('annexes')
        _loop_vars = {}
        pass
        yield '<section id="'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '" class="estimates" aria-labelledby="'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '_h">\n<h2 id="'
        yield escape(environment.getattr(l_1_t, 'anchor'))
        yield '_h">'
        yield escape(environment.getattr(l_1_t, 'quantity'))
        yield '</h2>\n'
        if (environment.getattr(l_1_t, 'unit') or environment.getattr(l_1_t, 'note_html')):
            pass
            yield '<div class="quantity-note">'
            if environment.getattr(l_1_t, 'unit'):
                pass
                yield '<p>Counted in '
                yield escape(environment.getattr(l_1_t, 'unit'))
                yield '.</p>'
            yield escape(environment.getattr(l_1_t, 'note_html'))
            yield '</div>'
        yield '<div class="table-wrap">\n<table class="estimates-table">\n<caption>'
        yield escape(environment.getattr(l_1_t, 'quantity'))
        yield ': who estimates how many, where and when'
        if ('findings' in (undefined(name='annexes') if l_1_annexes is missing else l_1_annexes)):
            pass
            yield ' (quotes and notes: <a href="#findings">Annex '
            yield escape(environment.getattr(environment.getattr((undefined(name='annexes') if l_1_annexes is missing else l_1_annexes), 'findings'), 'letter'))
            yield '</a>)'
        yield '</caption>\n<thead><tr><th scope="col">Estimator</th><th scope="col" class="num">Figure</th><th scope="col">Place</th><th scope="col">When</th><th scope="col">Source</th></tr></thead>\n<tbody>\n'
        for l_2_r in environment.getattr(l_1_t, 'rows'):
            _loop_vars = {}
            pass
            yield '<tr data-claim="'
            yield escape(environment.getattr(environment.getattr(environment.getattr(l_2_r, 'claim'), 'model'), 'id'))
            yield '" data-shape="'
            yield escape(environment.getattr(l_2_r, 'shape'))
            yield '" data-basis="'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'basis'))
            yield '"'
            if environment.getattr(l_2_r, 'mark'):
                pass
                yield ' class="flagged flagged-'
                yield escape(environment.getattr(environment.getattr(l_2_r, 'claim'), 'flag_weight'))
                yield '"'
            yield '>\n<th scope="row"><a href="#'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'claim'), 'anchor'))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'estimator'))
            yield '</a>'
            if environment.getattr(l_2_r, 'mark'):
                pass
                yield ' <span class="flag flag-'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_2_r, 'claim'), 'model'), 'flag'))
                yield ' flag-'
                yield escape(environment.getattr(environment.getattr(l_2_r, 'claim'), 'flag_weight'))
                yield '" title="'
                yield escape(environment.getattr(environment.getattr(l_2_r, 'claim'), 'flag_label'))
                yield '">'
                yield escape(t_2(context.eval_ctx, environment.getattr(l_2_r, 'mark'), '-', ' '))
                yield '</span>'
            if environment.getattr(l_2_r, 'note_html'):
                pass
                yield '<span class="row-note">'
                yield escape(environment.getattr(l_2_r, 'note_html'))
                yield '</span>'
            yield '</th>\n<td class="num" data-label="Figure">'
            if (environment.getattr(environment.getattr(l_2_r, 'estimate'), 'basis') != 'count'):
                pass
                yield '<span class="basis">'
                yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'basis'))
                yield '</span> '
            if environment.getattr(environment.getattr(l_2_r, 'estimate'), 'qualifier'):
                pass
                yield '<span class="qualifier">'
                yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'qualifier'))
                yield '</span> '
            yield '<span class="amount">'
            yield escape(environment.getattr(l_2_r, 'amount'))
            yield '</span>'
            if environment.getattr(l_2_r, 'translated'):
                pass
                yield '<span class="stated">as translated</span>'
            yield '</td>\n<td data-label="Place">'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'location'))
            yield '</td>\n<td class="date" data-label="When">'
            if environment.getattr(l_2_r, 'when'):
                pass
                yield '<time datetime="'
                yield escape(t_1(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'as_of')))
                yield '">'
                yield escape(environment.getattr(l_2_r, 'when'))
                yield '</time>'
            elif (not environment.getattr(l_2_r, 'stated')):
                pass
                yield 'not stated'
            if environment.getattr(l_2_r, 'stated'):
                pass
                yield '<span class="stated">stated <time datetime="'
                yield escape(t_1(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'stated')))
                yield '">'
                yield escape(environment.getattr(l_2_r, 'stated'))
                yield '</time></span>'
            yield '</td>\n<td data-label="Source">'
            for l_3_c in environment.getattr(environment.getattr(l_2_r, 'claim'), 'citations'):
                _loop_vars = {}
                pass
                yield escape(context.call(environment.getattr(l_3_c, 'html'), in_table=True, _loop_vars=_loop_vars))
            l_3_c = missing
            yield '</td>\n</tr>\n'
        l_2_r = missing
        yield '</tbody>\n</table>\n</div>\n'
        if environment.getattr(l_1_t, 'chart'):
            pass
            yield '<figure class="chart">\n'
            yield escape(environment.getattr(l_1_t, 'chart'))
            yield '\n<figcaption>\n<p>Where two or more figures meet, their spread.</p>\n<ul class="chart-legend">\n'
            for (l_2_icon, l_2_words) in environment.getattr(l_1_t, 'legend'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_2_icon)
                yield ' '
                yield escape(l_2_words)
                yield '</li>\n'
            l_2_icon = l_2_words = missing
            yield '</ul>\n</figcaption>\n</figure>\n'
        yield '</section>\n'
    l_1_t = l_1_annexes = missing
    if (undefined(name='single_figures') if l_0_single_figures is missing else l_0_single_figures):
        pass
        included_template = environment.get_template('macros.html', 'estimates.html')._get_default_module(context)
        l_0_flag = getattr(included_template, 'flag', missing)
        if l_0_flag is missing:
            l_0_flag = undefined(f"the template {included_template.__name__!r} (imported on line 37 in 'estimates.html') does not export the requested name 'flag'", name='flag')
        context.vars['flag'] = l_0_flag
        context.exported_vars.discard('flag')
        yield '<section id="other-figures" aria-labelledby="other-figures-h">\n<h2 id="other-figures-h">Other figures</h2>\n<ul class="single-figures">\n'
        for l_1_r in (undefined(name='single_figures') if l_0_single_figures is missing else l_0_single_figures):
            _loop_vars = {}
            pass
            yield '<li><strong>'
            yield escape(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'quantity'))
            yield ':</strong> <a href="#'
            yield escape(environment.getattr(environment.getattr(l_1_r, 'claim'), 'anchor'))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'estimator'))
            yield '</a> '
            yield escape(('expects' if (environment.getattr(environment.getattr(l_1_r, 'estimate'), 'basis') == 'forecast') else ('plans' if (environment.getattr(environment.getattr(l_1_r, 'estimate'), 'basis') == 'plan') else ('thinks possible' if (environment.getattr(environment.getattr(l_1_r, 'estimate'), 'basis') == 'possible') else 'gives'))))
            yield ' '
            yield escape(environment.getattr(l_1_r, 'figure'))
            if environment.getattr(l_1_r, 'translated'):
                pass
                yield ' (as translated)'
            yield ' ('
            yield escape(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'location'))
            if environment.getattr(l_1_r, 'when'):
                pass
                yield ', '
                yield escape(('' if (environment.getattr(environment.getattr(l_1_r, 'estimate'), 'basis') in ('forecast', 'plan')) else 'as of '))
                yield '<time datetime="'
                yield escape(t_1(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'as_of')))
                yield '">'
                yield escape(environment.getattr(l_1_r, 'when'))
                yield '</time>'
            if environment.getattr(l_1_r, 'stated'):
                pass
                yield ', stated <time datetime="'
                yield escape(t_1(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'stated')))
                yield '">'
                yield escape(environment.getattr(l_1_r, 'stated'))
                yield '</time>'
            yield '). '
            for l_2_c in environment.getattr(environment.getattr(l_1_r, 'claim'), 'citations'):
                _loop_vars = {}
                pass
                yield escape(context.call(environment.getattr(l_2_c, 'html'), in_table=True, _loop_vars=_loop_vars))
            l_2_c = missing
            yield ' '
            yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), environment.getattr(l_1_r, 'claim'), brief=True, _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_r = missing
        yield '</ul>\n</section>\n'

blocks = {}
debug_info = '1=26&2=31&3=35&4=39&7=50&10=58&11=62&12=74&13=95&14=112&15=114&16=132&22=140&24=143&28=145&36=157&37=159&41=166&42=170'