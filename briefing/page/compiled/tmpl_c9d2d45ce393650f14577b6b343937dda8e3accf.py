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
    included_template = environment.get_template('macros.html', 'findings.html')._get_default_module(context)
    l_0_flag = getattr(included_template, 'flag', missing)
    if l_0_flag is missing:
        l_0_flag = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'findings.html') does not export the requested name 'flag'", name='flag')
    context.vars['flag'] = l_0_flag
    context.exported_vars.discard('flag')
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
                l_2_demote = resolve('demote')
                _loop_vars = {}
                pass
                yield '<li class="claim'
                if environment.getattr(environment.getattr(l_2_v, 'model'), 'flag'):
                    pass
                    yield ' flagged flagged-'
                    yield escape(environment.getattr(l_2_v, 'flag_weight'))
                yield '" id="'
                yield escape(environment.getattr(l_2_v, 'anchor'))
                yield '">\n<p class="statement">'
                yield escape(environment.getattr(l_2_v, 'statement_html'))
                yield ' '
                for l_3_c in environment.getattr(l_2_v, 'citations'):
                    _loop_vars = {}
                    pass
                    yield escape(context.call(environment.getattr(l_3_c, 'html'), _loop_vars=_loop_vars))
                l_3_c = missing
                yield ' '
                yield escape(context.call((undefined(name='flag') if l_0_flag is missing else l_0_flag), l_2_v, _loop_vars=_loop_vars))
                yield '</p>\n<details class="evidence">\n<summary><span class="meta">'
                if environment.getattr(environment.getattr(l_2_v, 'model'), 'said_by'):
                    pass
                    yield escape(environment.getattr(environment.getattr(l_2_v, 'model'), 'said_by'))
                    if environment.getattr(environment.getattr(l_2_v, 'model'), 'credibility'):
                        pass
                        yield '; '
                if environment.getattr(environment.getattr(l_2_v, 'model'), 'credibility'):
                    pass
                    yield 'credibility '
                    yield escape(environment.getattr(environment.getattr(l_2_v, 'model'), 'credibility'))
                    yield ', '
                    yield escape(t_2(environment.getattr(l_2_v, 'credibility_label')))
                yield '.</span> <span class="open">'
                yield escape(t_3(t_1(environment.getattr(l_2_v, 'quotes')), 'Quote'))
                if environment.getattr(environment.getattr(l_2_v, 'model'), 'note'):
                    pass
                    yield ' and '
                    yield escape(('why it is flagged' if environment.getattr(environment.getattr(l_2_v, 'model'), 'flag') else 'note'))
                yield '</span></summary>\n'
                for (l_3_quote, l_3_c) in environment.getattr(l_2_v, 'quotes'):
                    _loop_vars = {}
                    pass
                    yield '<blockquote class="quote"><p'
                    if (environment.getattr(l_3_c, 'lang') != 'en'):
                        pass
                        yield ' lang="'
                        yield escape(environment.getattr(l_3_c, 'lang'))
                        yield '"'
                    yield '>'
                    yield escape(l_3_quote)
                    yield '</p>'
                    if environment.getattr(l_3_c, 'translation'):
                        pass
                        yield '<p class="translation" lang="en"><span class="translation-label">Translation'
                        if environment.getattr(l_3_c, 'translated_by'):
                            pass
                            yield ' by '
                            yield escape(environment.getattr(l_3_c, 'translated_by'))
                        yield ':</span> '
                        yield escape(environment.getattr(l_3_c, 'translation'))
                        yield '</p>'
                    yield '<footer><a href="#'
                    yield escape(environment.getattr(l_3_c, 'target'))
                    yield '">['
                    yield escape(environment.getattr(l_3_c, 'number'))
                    yield '] '
                    yield escape(environment.getattr(environment.getattr(environment.getattr(l_3_c, 'source'), 'model'), 'title'))
                    yield '</a>'
                    if environment.getattr(l_3_c, 'page'):
                        pass
                        yield ', '
                        yield escape(environment.getattr(l_3_c, 'page_words'))
                    if environment.getattr(l_3_c, 'relays'):
                        pass
                        yield ', relaying '
                        yield escape(environment.getattr(l_3_c, 'relays'))
                    yield '</footer></blockquote>'
                l_3_quote = l_3_c = missing
                if environment.getattr(l_2_v, 'origins_line'):
                    pass
                    yield '<p class="origins">'
                    yield escape(environment.getattr(l_2_v, 'origins_line'))
                    yield '</p>'
                if environment.getattr(environment.getattr(l_2_v, 'model'), 'note'):
                    pass
                    yield '<div class="note" id="'
                    yield escape(environment.getattr(l_2_v, 'note_anchor'))
                    yield '">'
                    yield escape(context.call((undefined(name='demote') if l_2_demote is missing else l_2_demote), environment.getattr(l_2_v, 'note_html'), 4, _loop_vars=_loop_vars))
                    yield '</div>'
                yield '</details>\n</li>\n'
            l_2_v = l_2_demote = missing
            yield '</ul>\n</section>\n'
        l_1_topic = missing
        yield '</section>\n'

blocks = {}
debug_info = '1=33&2=39&3=41&4=45&5=49&7=53&8=57&9=61&11=65&12=70&13=77&15=87&16=106&17=145&18=150'