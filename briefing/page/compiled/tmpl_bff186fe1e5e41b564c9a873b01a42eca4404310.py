from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'references.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_references = resolve('references')
    pass
    if (undefined(name='references') if l_0_references is missing else l_0_references):
        pass
        yield '<div id="references" class="references-list">\n<h3>References consulted, not held</h3>\n<p class="section-note">Consulted, not held: not checked by the build. The briefing cites them, but their words are not kept under sources/, so no quote from them is verified.</p>\n<ul class="references">\n'
        for (l_1_ref, l_1_anchor, l_1_note_html) in (undefined(name='references') if l_0_references is missing else l_0_references):
            l_1_reader_date = resolve('reader_date')
            _loop_vars = {}
            pass
            yield '<li id="'
            yield escape(l_1_anchor)
            yield '"><cite>'
            if environment.getattr(l_1_ref, 'url'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_1_ref, 'url'))
                yield '">'
                yield escape(environment.getattr(l_1_ref, 'title'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr(l_1_ref, 'title'))
            yield '</cite>'
            if environment.getattr(l_1_ref, 'publisher'):
                pass
                yield '. '
                yield escape(environment.getattr(l_1_ref, 'publisher'))
            if environment.getattr(l_1_ref, 'published'):
                pass
                yield ', '
                yield escape(context.call((undefined(name='reader_date') if l_1_reader_date is missing else l_1_reader_date), environment.getattr(l_1_ref, 'published'), _loop_vars=_loop_vars))
            yield '.'
            if environment.getattr(l_1_ref, 'accessed'):
                pass
                yield ' Consulted '
                yield escape(context.call((undefined(name='reader_date') if l_1_reader_date is missing else l_1_reader_date), environment.getattr(l_1_ref, 'accessed'), _loop_vars=_loop_vars))
                yield '.'
            yield escape(l_1_note_html)
            yield '</li>\n'
        l_1_ref = l_1_anchor = l_1_note_html = l_1_reader_date = missing
        yield '</ul>\n</div>\n'

blocks = {}
debug_info = '3=12&8=15'