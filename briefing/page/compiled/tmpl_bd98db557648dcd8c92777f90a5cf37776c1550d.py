from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changes.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_edition = resolve('edition')
    l_0_annexes = resolve('annexes')
    l_0_annex = resolve('annex')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    if (undefined(name='edition') if l_0_edition is missing else l_0_edition):
        pass
        l_0_annex = environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'changes')
        context.vars['annex'] = l_0_annex
        context.exported_vars.add('annex')
        yield '<section id="'
        yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'anchor'))
        yield '" class="annex" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'anchor'))
        yield '-h">\n<h2 id="'
        yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'anchor'))
        yield '-h">Annex '
        yield escape(environment.getattr((undefined(name='annex') if l_0_annex is missing else l_0_annex), 'letter'))
        yield ': '
        yield escape(environment.getattr((undefined(name='edition') if l_0_edition is missing else l_0_edition), 'heading'))
        yield '</h2>\n'
        if (not environment.getattr((undefined(name='edition') if l_0_edition is missing else l_0_edition), 'count')):
            pass
            yield '<p>Nothing in the claims, figures or judgments has changed.</p>'
        for (l_1_key, l_1_words) in (('briefing', 'The briefing and its sources'), ('judgments', 'Judgments revised'), ('estimates', 'Figures that moved'), ('other', 'New, removed and other changed claims')):
            _loop_vars = {}
            pass
            if environment.getitem(environment.getattr((undefined(name='edition') if l_0_edition is missing else l_0_edition), 'groups'), l_1_key):
                pass
                yield '<h3>'
                yield escape(l_1_words)
                yield '</h3>\n<ul class="changes">\n'
                for l_2_e in environment.getitem(environment.getattr((undefined(name='edition') if l_0_edition is missing else l_0_edition), 'groups'), l_1_key):
                    _loop_vars = {}
                    pass
                    yield '<li class="change-'
                    yield escape(environment.getattr(environment.getattr(l_2_e, 'change'), 'change'))
                    yield '">'
                    if (environment.getattr(environment.getattr(l_2_e, 'change'), 'change') == 'added'):
                        pass
                        yield '<span class="change">New</span> '
                    elif (environment.getattr(environment.getattr(l_2_e, 'change'), 'change') == 'removed'):
                        pass
                        yield '<span class="change">Removed</span> '
                    if environment.getattr(l_2_e, 'anchor'):
                        pass
                        yield '<a href="#'
                        yield escape(environment.getattr(l_2_e, 'anchor'))
                        yield '">'
                        yield escape(environment.getattr(l_2_e, 'statement'))
                        yield '</a>'
                    else:
                        pass
                        yield '<span class="old">'
                        yield escape(environment.getattr(l_2_e, 'statement'))
                        yield '</span>'
                    if environment.getattr(l_2_e, 'moves'):
                        pass
                        yield ': '
                        yield escape(t_1(context.eval_ctx, environment.getattr(l_2_e, 'moves'), '; '))
                        yield '.'
                    if environment.getattr(l_2_e, 'why'):
                        pass
                        yield ' <span class="why">Why: '
                        yield escape(environment.getattr(l_2_e, 'why'))
                        yield '</span>'
                    yield '</li>\n'
                l_2_e = missing
                yield '</ul>\n'
        l_1_key = l_1_words = missing
        yield '</section>\n'

blocks = {}
debug_info = '1=20&2=22&3=26&4=30&5=36&6=39&7=42&8=45&10=47&11=51'