from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'header.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_briefing = resolve('briefing')
    l_0_reader_date = resolve('reader_date')
    l_0_edition = resolve('edition')
    pass
    yield '<header class="masthead">\n'
    if environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'marking'):
        pass
        yield '<p class="marking">'
        yield escape(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'marking'))
        yield '</p>'
    yield '<p class="kicker">Sourced analytic briefing'
    if environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'edition'):
        pass
        yield ' · Edition '
        yield escape(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'edition'))
    yield '</p>\n<h1>'
    yield escape(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'title'))
    yield '</h1>\n<p class="asof">Information as of <time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'as_of'), 'isoformat')))
    yield '">'
    yield escape(context.call((undefined(name='reader_date') if l_0_reader_date is missing else l_0_reader_date), environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'as_of')))
    yield '</time>'
    if environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'author'):
        pass
        yield ' · '
        yield escape(environment.getattr((undefined(name='briefing') if l_0_briefing is missing else l_0_briefing), 'author'))
    yield '</p>\n'
    if (undefined(name='edition') if l_0_edition is missing else l_0_edition):
        pass
        yield '<p class="changed"><a href="#changes">'
        yield escape(environment.getattr((undefined(name='edition') if l_0_edition is missing else l_0_edition), 'heading'))
        yield '</a>: '
        yield escape(environment.getattr((undefined(name='edition') if l_0_edition is missing else l_0_edition), 'summary'))
        yield '.</p>'
    yield '</header>\n'

blocks = {}
debug_info = '2=15&3=21&4=26&5=28&6=37'