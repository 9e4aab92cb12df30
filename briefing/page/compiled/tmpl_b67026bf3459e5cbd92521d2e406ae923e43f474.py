from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'watch.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_watch = resolve('watch')
    pass
    if (undefined(name='watch') if l_0_watch is missing else l_0_watch):
        pass
        yield '<section id="watch" aria-labelledby="watch-h">\n<h2 id="watch-h">What to watch</h2>\n<ul class="watch">\n'
        l_1_loop = missing
        for (l_1_j, l_1_indicators), l_1_loop in LoopContext((undefined(name='watch') if l_0_watch is missing else l_0_watch), undefined):
            l_1_judgments = resolve('judgments')
            _loop_vars = {}
            pass
            yield '<li id="watch_'
            yield escape(environment.getattr(environment.getattr(l_1_j, 'model'), 'id'))
            yield '"><a class="for" href="#'
            yield escape(environment.getattr(l_1_j, 'anchor'))
            yield '" title="'
            yield escape(environment.getattr(l_1_j, 'statement_text'))
            yield '">Judgment '
            yield escape((context.call(environment.getattr((undefined(name='judgments') if l_1_judgments is missing else l_1_judgments), 'index'), l_1_j, _loop_vars=_loop_vars) + 1))
            yield '</a>: '
            l_2_loop = missing
            for l_2_html, l_2_loop in LoopContext(l_1_indicators, undefined):
                _loop_vars = {}
                pass
                yield '<span class="indicator">'
                yield escape(l_2_html)
                yield '</span>'
                yield escape((' ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 5 in 'watch.html' evaluated to false and no else section was defined.")))
            l_2_loop = l_2_html = missing
            yield '</li>\n'
        l_1_loop = l_1_j = l_1_indicators = l_1_judgments = missing
        yield '</ul>\n</section>\n'

blocks = {}
debug_info = '1=12&5=16'