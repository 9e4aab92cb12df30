from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'findings.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_annexes = resolve('annexes')
    l_0_annex = resolve('annex')
    l_0_topics = resolve('topics')
    pass
    if ('findings' in (undefined(name='annexes') if l_0_annexes is missing else l_0_annexes)):
        pass
        l_0_annex = environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'findings')
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
        yield '</h2>\n<p class="section-note">What the sources report, in the analyst\'s words, by topic. Each number links to the passage in the source; the quotes and notes are a click away.</p>\n'
        for l_1_topic in (undefined(name='topics') if l_0_topics is missing else l_0_topics):
            _loop_vars = {}
            pass
            yield '<section id="'
            yield escape(environment.getattr(l_1_topic, 'anchor'))
            yield '" aria-labelledby="'
            yield escape(environment.getattr(l_1_topic, 'anchor'))
            yield '_h">\n<h3 id="'
            yield escape(environment.getattr(l_1_topic, 'anchor'))
            yield '_h">'
            yield escape(environment.getattr(l_1_topic, 'name'))
            yield '</h3>\n<ul class="claims">\n'
            for l_2_v in environment.getattr(l_1_topic, 'claims'):
                l_2_claim_entry = resolve('claim_entry')
                _loop_vars = {}
                pass
                yield escape(context.call((undefined(name='claim_entry') if l_2_claim_entry is missing else l_2_claim_entry), l_2_v, _loop_vars=_loop_vars))
                yield '\n'
            l_2_v = l_2_claim_entry = missing
            yield '</ul>\n</section>\n'
        l_1_topic = missing
        yield '</section>\n'

blocks = {}
debug_info = '1=14&2=16&3=20&4=24&6=28&7=32&8=36&10=40&11=44'