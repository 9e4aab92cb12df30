from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'claim_entry.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_e = resolve('e')
    l_0_cited = resolve('cited')
    l_0_demote = resolve('demote')
    l_0_flag = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_3 = environment.filters['plural']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'plural' found.")
    pass
    included_template = environment.get_template('macros.html', 'claim_entry.html')._get_default_module(context)
    l_0_flag = getattr(included_template, 'flag', missing)
    if l_0_flag is missing:
        l_0_flag = undefined(f"the template {included_template.__name__!r} (imported on line 4 in 'claim_entry.html') does not export the requested name 'flag'", name='flag')
    context.vars['flag'] = l_0_flag
    context.exported_vars.discard('flag')
    yield '<li class="claim'
    if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'flag'):
        pass
        yield ' flagged flagged-'
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'flag_weight'))
    yield '" id="'
    yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'anchor'))
    yield '">\n<p class="statement">'
    yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'statement_html'))
    yield ' '
    for l_1_c in (undefined(name='cited') if l_0_cited is missing else l_0_cited):
        _loop_vars = {}
        pass
        yield escape(l_1_c)
    l_1_c = missing
    yield ' '
    yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), (undefined(name='e') if l_0_e is missing else l_0_e)))
    yield '</p>\n<details class="evidence">\n<summary><span class="meta">'
    if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'said_by'):
        pass
        yield escape(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'said_by'))
        if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'credibility'):
            pass
            yield '; '
    if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'credibility'):
        pass
        yield 'credibility '
        yield escape(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'credibility'))
        yield ', '
        yield escape(t_2(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'credibility_label')))
    yield '.</span> <span class="open">'
    yield escape(t_3(t_1(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'quotes')), 'Quote'))
    if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'note'):
        pass
        yield ' and '
        yield escape(('why it is flagged' if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'flag') else 'note'))
    yield '</span></summary>\n'
    for l_1_q in environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'quotes'):
        _loop_vars = {}
        pass
        yield '<blockquote class="quote"><p'
        if (environment.getattr(l_1_q, 'lang') != 'en'):
            pass
            yield ' lang="'
            yield escape(environment.getattr(l_1_q, 'lang'))
            yield '"'
        yield '>'
        yield escape(environment.getattr(l_1_q, 'quote'))
        yield '</p>'
        if environment.getattr(l_1_q, 'translation'):
            pass
            yield '<p class="translation" lang="en"><span class="translation-label">Translation'
            if environment.getattr(l_1_q, 'translated_by'):
                pass
                yield ' by '
                yield escape(environment.getattr(l_1_q, 'translated_by'))
            yield ':</span> '
            yield escape(environment.getattr(l_1_q, 'translation'))
            yield '</p>'
        yield '<footer><a href="#'
        yield escape(environment.getattr(l_1_q, 'target'))
        yield '">['
        yield escape(environment.getattr(l_1_q, 'number'))
        yield '] '
        yield escape(environment.getattr(l_1_q, 'title'))
        yield '</a>'
        if environment.getattr(l_1_q, 'page'):
            pass
            yield ', '
            yield escape(environment.getattr(l_1_q, 'page_words'))
        if environment.getattr(l_1_q, 'relays'):
            pass
            yield ', relaying '
            yield escape(environment.getattr(l_1_q, 'relays'))
        yield '</footer></blockquote>'
    l_1_q = missing
    if environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'origins_line'):
        pass
        yield '<p class="origins">'
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'origins_line'))
        yield '</p>'
    if environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'model'), 'note'):
        pass
        yield '<div class="note" id="'
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'note_anchor'))
        yield '">'
        yield escape(context.call((undefined(name='demote') if l_0_demote is missing else l_0_demote), environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'note_html'), 4))
        yield '</div>'
    yield '</details>\n</li>'

blocks = {}
debug_info = '4=33&5=40&6=47&8=57&9=76&10=115&11=120'