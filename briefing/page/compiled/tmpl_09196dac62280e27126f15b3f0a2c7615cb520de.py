from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'chronology.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_chronology = resolve('chronology')
    pass
    yield '<section id="chronology" aria-labelledby="chronology-h">\n<h2 id="chronology-h">Chronology</h2>\n<p class="section-note">The dated events the findings report, in time order; the information cut-off is marked. A forecast\'s or a plan\'s date is the time it is for.</p>\n<ol class="chronology">\n'
    for l_1_e in environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'before'):
        _loop_vars = {}
        pass
        yield '<li class="chron-event" id="chronology_'
        yield escape(environment.getattr(l_1_e, 'claim_id'))
        yield '"><time datetime="'
        yield escape(environment.getattr(l_1_e, 'iso'))
        yield '">'
        yield escape(environment.getattr(l_1_e, 'date_words'))
        yield '</time>'
        if environment.getattr(l_1_e, 'place'):
            pass
            yield ' <span class="chron-place">'
            yield escape(environment.getattr(l_1_e, 'place'))
            yield '</span>'
        yield ' <a href="#'
        yield escape(environment.getattr(l_1_e, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_e, 'words'))
        yield '</a>'
        for l_2_c in environment.getattr(l_1_e, 'cited'):
            _loop_vars = {}
            pass
            yield ' <a class="chron-cite" href="#'
            yield escape(environment.getattr(l_2_c, 'target'))
            yield '">'
            yield escape(environment.getattr(l_2_c, 'source_title'))
            yield '</a>'
        l_2_c = missing
        yield '</li>\n'
    l_1_e = missing
    yield '<li class="chron-cutoff"><time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'cut_off'), 'isoformat')))
    yield '">'
    yield escape(environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'cut_off_words'))
    yield '</time> Information cut-off: nothing later was considered.</li>\n'
    for l_1_e in environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'after'):
        _loop_vars = {}
        pass
        yield '<li class="chron-event'
        if environment.getattr(l_1_e, 'ahead'):
            pass
            yield ' chron-ahead'
        yield '" id="chronology_'
        yield escape(environment.getattr(l_1_e, 'claim_id'))
        yield '"><time datetime="'
        yield escape(environment.getattr(l_1_e, 'iso'))
        yield '">'
        yield escape(environment.getattr(l_1_e, 'date_words'))
        yield '</time>'
        if environment.getattr(l_1_e, 'place'):
            pass
            yield ' <span class="chron-place">'
            yield escape(environment.getattr(l_1_e, 'place'))
            yield '</span>'
        yield ' <a href="#'
        yield escape(environment.getattr(l_1_e, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_e, 'words'))
        yield '</a>'
        for l_2_c in environment.getattr(l_1_e, 'cited'):
            _loop_vars = {}
            pass
            yield ' <a class="chron-cite" href="#'
            yield escape(environment.getattr(l_2_c, 'target'))
            yield '">'
            yield escape(environment.getattr(l_2_c, 'source_title'))
            yield '</a>'
        l_2_c = missing
        yield '</li>\n'
    l_1_e = missing
    yield '</ol>\n</section>\n'

blocks = {}
debug_info = '5=13&6=17&8=45&9=49&10=53'