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
        for l_1_j, l_1_loop in LoopContext((undefined(name='watch') if l_0_watch is missing else l_0_watch), undefined):
            _loop_vars = {}
            pass
            yield '<li id="watch_'
            yield escape(environment.getattr(environment.getattr(l_1_j, 'model'), 'id'))
            yield '">\n<p class="for"><a href="#'
            yield escape(environment.getattr(l_1_j, 'anchor'))
            yield '">'
            yield escape(environment.getattr(l_1_j, 'statement_text'))
            yield '</a></p>\n<ul class="indicators">\n'
            l_2_loop = missing
            for l_2_html, l_2_loop in LoopContext(environment.getattr(l_1_j, 'indicators_html'), undefined):
                l_2_status = missing
                _loop_vars = {}
                pass
                l_2_status = environment.getitem(environment.getattr(l_1_j, 'indicator_status'), environment.getattr(l_2_loop, 'index0'))
                _loop_vars['status'] = l_2_status
                yield '<li class="indicator'
                if (undefined(name='status') if l_2_status is missing else l_2_status):
                    pass
                    yield ' indicator-seen'
                yield '">'
                yield escape(l_2_html)
                if (undefined(name='status') if l_2_status is missing else l_2_status):
                    pass
                    yield ' <span class="indicator-status">('
                    yield escape((undefined(name='status') if l_2_status is missing else l_2_status))
                    yield ')</span>'
                yield '</li>\n'
            l_2_loop = l_2_html = l_2_status = missing
            yield '</ul>\n</li>\n'
        l_1_loop = l_1_j = missing
        yield '</ul>\n</section>\n'

blocks = {}
debug_info = '1=12&5=16&6=22&8=27'