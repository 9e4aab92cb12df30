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
    l_0_flag = missing
    pass
    included_template = environment.get_template('macros.html', 'estimates.html')._get_default_module(context)
    l_0_flag = getattr(included_template, 'flag', missing)
    if l_0_flag is missing:
        l_0_flag = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'estimates.html') does not export the requested name 'flag'", name='flag')
    context.vars['flag'] = l_0_flag
    context.exported_vars.discard('flag')
    for l_1_t in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
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
        yield '</h2>\n<div class="estimates-body">\n<div class="table-wrap">\n<table class="estimates-table">\n<caption>'
        yield escape(environment.getattr(l_1_t, 'quantity'))
        yield ': who estimates how many, where, as of when, per which source</caption>\n<thead><tr><th scope="col">Estimator</th><th scope="col">Location</th><th scope="col" class="num">Figure</th><th scope="col">As of</th><th scope="col">Source</th></tr></thead>\n<tbody>\n'
        for l_2_r in environment.getattr(l_1_t, 'rows'):
            l_2_reader_date = resolve('reader_date')
            _loop_vars = {}
            pass
            yield '<tr data-claim="'
            yield escape(environment.getattr(environment.getattr(environment.getattr(l_2_r, 'claim'), 'model'), 'id'))
            yield '" data-shape="'
            yield escape(environment.getattr(l_2_r, 'shape'))
            yield '" data-basis="'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'basis'))
            yield '"'
            if environment.getattr(environment.getattr(environment.getattr(l_2_r, 'claim'), 'model'), 'flag'):
                pass
                yield ' class="flagged"'
            yield '>\n<th scope="row"><a href="#'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'claim'), 'anchor'))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'estimator'))
            yield '</a> '
            yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), environment.getattr(l_2_r, 'claim'), _loop_vars=_loop_vars))
            if environment.getattr(l_2_r, 'said_by_other'):
                pass
                yield '<span class="said-by">said by '
                yield escape(environment.getattr(l_2_r, 'said_by_other'))
                yield '</span>'
            yield '</th>\n<td data-label="Location">'
            yield escape(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'location'))
            yield '</td>\n<td class="num" data-label="Figure">'
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
            yield '</span></td>\n<td class="date" data-label="As of">'
            if environment.getattr(environment.getattr(l_2_r, 'estimate'), 'as_of'):
                pass
                yield '<time datetime="'
                yield escape(context.call(environment.getattr(environment.getattr(environment.getattr(l_2_r, 'estimate'), 'as_of'), 'isoformat'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(context.call((undefined(name='reader_date') if l_2_reader_date is missing else l_2_reader_date), environment.getattr(environment.getattr(l_2_r, 'estimate'), 'as_of'), _loop_vars=_loop_vars))
                yield '</time>'
            else:
                pass
                yield 'not stated'
            yield '</td>\n<td data-label="Source">'
            for l_3_c in environment.getattr(environment.getattr(l_2_r, 'claim'), 'citations'):
                _loop_vars = {}
                pass
                yield escape(context.call(environment.getattr(l_3_c, 'html'), in_table=True, _loop_vars=_loop_vars))
            l_3_c = missing
            yield '</td>\n</tr>\n'
        l_2_r = l_2_reader_date = missing
        yield '</tbody>\n</table>\n</div>\n<figure class="chart">\n'
        yield escape(environment.getattr(l_1_t, 'chart'))
        yield '\n<figcaption>\n<ul class="chart-legend">\n'
        for (l_2_icon, l_2_words) in environment.getattr(l_1_t, 'legend'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_2_icon)
            yield ' '
            yield escape(l_2_words)
            yield '</li>\n'
        l_2_icon = l_2_words = missing
        yield '</ul>\n</figcaption>\n</figure>\n</div>\n</section>\n'
    l_1_t = missing
    if (undefined(name='single_figures') if l_0_single_figures is missing else l_0_single_figures):
        pass
        yield '<section id="other-figures" aria-labelledby="other-figures-h">\n<h2 id="other-figures-h">Other figures</h2>\n<ul class="single-figures">\n'
        for l_1_r in (undefined(name='single_figures') if l_0_single_figures is missing else l_0_single_figures):
            l_1_reader_date = resolve('reader_date')
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
            yield ' ('
            yield escape(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'location'))
            if environment.getattr(environment.getattr(l_1_r, 'estimate'), 'as_of'):
                pass
                yield ', as of <time datetime="'
                yield escape(context.call(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'estimate'), 'as_of'), 'isoformat'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(context.call((undefined(name='reader_date') if l_1_reader_date is missing else l_1_reader_date), environment.getattr(environment.getattr(l_1_r, 'estimate'), 'as_of'), _loop_vars=_loop_vars))
                yield '</time>'
            yield '). '
            for l_2_c in environment.getattr(environment.getattr(l_1_r, 'claim'), 'citations'):
                _loop_vars = {}
                pass
                yield escape(context.call(environment.getattr(l_2_c, 'html'), in_table=True, _loop_vars=_loop_vars))
            l_2_c = missing
            yield ' '
            yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), environment.getattr(l_1_r, 'claim'), _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_r = l_1_reader_date = missing
        yield '</ul>\n</section>\n'

blocks = {}
debug_info = '1=14&2=20&3=24&4=28&8=32&11=34&12=39&13=49&14=60&15=62&16=75&17=86&24=94&27=96&35=107&39=110&40=115'