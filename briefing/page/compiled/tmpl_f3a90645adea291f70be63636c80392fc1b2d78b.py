from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'page.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_csp = resolve('csp')
    l_0_briefing = resolve('briefing')
    l_0_css = resolve('css')
    l_0_sources = resolve('sources')
    l_0_build_date = resolve('build_date')
    try:
        t_1 = environment.filters['counted']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'counted' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="build-report">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape((undefined(name='csp') if l_0_csp is missing else l_0_csp))
    yield '">\n<meta name="referrer" content="no-referrer">\n<title>'
    yield escape(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'title'))
    yield '</title>\n<style>'
    yield escape((undefined(name='css') if l_0_css is missing else l_0_css))
    yield '</style>\n</head>\n<body>\n<a class="skip" href="#main">Skip to the briefing</a>\n'
    template = environment.get_template('header.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<div class="layout">\n'
    template = environment.get_template('toc.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<main id="main">\n<div class="part part-brief" id="brief">\n<p class="part-label">The brief</p>\n'
    template = environment.get_template('summary.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('judgments.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('estimates.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('context.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('watch.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</div>\n<div class="part part-annexes" id="annexes">\n<p class="part-label">Annexes: the evidence behind the brief</p>\n'
    template = environment.get_template('judgments_annex.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('findings.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('caveats.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('sources.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('legends.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('changes.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</div>\n</main>\n</div>\n<footer class="page-footer">\n'
    if environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'marking'):
        pass
        yield '<p class="marking">'
        yield escape(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'marking'))
        yield '</p>'
    yield "<p>Built from the analyst's findings and "
    yield escape(t_1(t_2((undefined(name='sources') if l_0_sources is missing else l_0_sources)), 'source text'))
    yield '; every quote was checked against its source.'
    if (undefined(name='build_date') if l_0_build_date is missing else l_0_build_date):
        pass
        yield ' Built '
        yield escape((undefined(name='build_date') if l_0_build_date is missing else l_0_build_date))
        yield '.'
    yield '</p>\n</footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '7=29&9=31&10=33&14=35&16=42&21=49&22=55&23=61&24=67&25=73&30=80&31=86&32=92&33=98&34=104&35=110&40=117&41=123'