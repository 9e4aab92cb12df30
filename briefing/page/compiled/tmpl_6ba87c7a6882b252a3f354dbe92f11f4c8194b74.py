from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'summary.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_scope_html = resolve('scope_html')
    l_0_demote = resolve('demote')
    l_0_summary_html = resolve('summary_html')
    l_0_judgments = resolve('judgments')
    l_0_brief_flags = resolve('brief_flags')
    l_0_annexes = resolve('annexes')
    l_0_implications_html = resolve('implications_html')
    try:
        t_1 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    pass
    yield '<section id="bottom-line" aria-labelledby="bottom-line-h">\n<h2 id="bottom-line-h">Bottom line</h2>\n'
    if (undefined(name='scope_html') if l_0_scope_html is missing else l_0_scope_html):
        pass
        yield '<div class="scope"><p class="scope-label">Scope</p>'
        yield escape(context.call((undefined(name='demote') if l_0_demote is missing else l_0_demote), (undefined(name='scope_html') if l_0_scope_html is missing else l_0_scope_html), 3))
        yield '</div>'
    yield '<div class="summary">'
    yield escape(context.call((undefined(name='demote') if l_0_demote is missing else l_0_demote), (undefined(name='summary_html') if l_0_summary_html is missing else l_0_summary_html), 3))
    yield '</div>\n'
    if ((undefined(name='judgments') if l_0_judgments is missing else l_0_judgments) or (undefined(name='brief_flags') if l_0_brief_flags is missing else l_0_brief_flags)):
        pass
        yield '<p class="section-note">'
        if (undefined(name='judgments') if l_0_judgments is missing else l_0_judgments):
            pass
            yield 'Likelihood says how probable a judgment is; confidence, apart from it, how good its evidence is'
            if ('legends' in (undefined(name='annexes') if l_0_annexes is missing else l_0_annexes)):
                pass
                yield ' (<a href="#legends">Annex '
                yield escape(environment.getattr(environment.getattr((undefined(name='annexes') if l_0_annexes is missing else l_0_annexes), 'legends'), 'letter'))
                yield '</a>)'
            yield '.'
        for (l_1_badge, l_1_meaning) in (undefined(name='brief_flags') if l_0_brief_flags is missing else l_0_brief_flags):
            _loop_vars = {}
            pass
            yield ' '
            yield escape(l_1_badge)
            yield ' — '
            yield escape(t_1(l_1_meaning))
            yield '.'
        l_1_badge = l_1_meaning = missing
        yield '</p>'
    if (undefined(name='implications_html') if l_0_implications_html is missing else l_0_implications_html):
        pass
        yield '<div class="implications">\n<h3>Implications</h3>\n'
        yield escape(context.call((undefined(name='demote') if l_0_demote is missing else l_0_demote), (undefined(name='implications_html') if l_0_implications_html is missing else l_0_implications_html), 4))
        yield '\n</div>'
    yield '</section>\n'

blocks = {}
debug_info = '3=25&4=31&5=33&6=55&8=58'