from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'caveats.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_annexes = resolve('annexes')
    l_0_caveats = resolve('caveats')
    l_0_annex = missing
    pass
    l_0_annex = environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'caveats')
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
    yield '</h2>\n'
    if (undefined(name='caveats') if l_0_caveats is missing else l_0_caveats):
        pass
        yield '<ul class="caveats">\n'
        l_1_loop = missing
        for l_1_c, l_1_loop in LoopContext((undefined(name='caveats') if l_0_caveats is missing else l_0_caveats), undefined):
            _loop_vars = {}
            pass
            yield '<li><span class="'
            yield escape(environment.getattr(l_1_c, 'css'))
            yield '">'
            yield escape(environment.getattr(l_1_c, 'label'))
            yield '</span> '
            yield escape(environment.getattr(l_1_c, 'text'))
            yield ' '
            if environment.getattr(l_1_c, 'links'):
                pass
                l_2_loop = missing
                for (l_2_anchor, l_2_words), l_2_loop in LoopContext(environment.getattr(l_1_c, 'links'), undefined):
                    _loop_vars = {}
                    pass
                    yield '<a href="#'
                    yield escape(l_2_anchor)
                    yield '">'
                    yield escape(l_2_words)
                    yield '</a>'
                    yield escape(('; ' if (not environment.getattr(l_2_loop, 'last')) else '.'))
                l_2_loop = l_2_anchor = l_2_words = missing
            else:
                pass
                yield '<a href="#'
                yield escape(environment.getattr(l_1_c, 'anchor'))
                yield '">'
                yield escape(environment.getattr(l_1_c, 'link_words'))
                yield '</a>'
            yield '</li>\n'
        l_1_loop = l_1_c = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p>No claim is flagged, and no warning was accepted.</p>\n'
    yield '</section>\n'

blocks = {}
debug_info = '1=14&2=18&3=22&4=26&6=30&7=34'