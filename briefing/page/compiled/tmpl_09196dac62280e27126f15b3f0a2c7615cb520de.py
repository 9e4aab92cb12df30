from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'chronology.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_chronology = resolve('chronology')
    l_0_event = missing
    try:
        t_1 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    def macro(l_1_e):
        t_2 = []
        l_1_chronology_cites = resolve('chronology_cites')
        if l_1_e is missing:
            l_1_e = undefined("parameter 'e' was not provided", name='e')
        pass
        t_2.append(
            '<li class="chron-event',
        )
        if environment.getattr(l_1_e, 'ahead'):
            pass
            t_2.append(
                ' chron-ahead',
            )
        t_2.extend((
            '" id="chronology_',
            escape(environment.getattr(l_1_e, 'claim_id')),
            '"><a class="chron-when" href="#',
            escape(environment.getattr(l_1_e, 'anchor')),
            '"><time datetime="',
            escape(environment.getattr(l_1_e, 'iso')),
            '">',
            escape(environment.getattr(l_1_e, 'date_words')),
            '</time></a>',
        ))
        if environment.getattr(l_1_e, 'place'):
            pass
            t_2.extend((
                ' <span class="chron-place">',
                escape(environment.getattr(l_1_e, 'place')),
                '</span>',
            ))
        t_2.extend((
            ' <span class="chron-words">',
            escape(environment.getattr(l_1_e, 'words')),
            '</span>',
        ))
        if t_1((undefined(name='chronology_cites') if l_1_chronology_cites is missing else l_1_chronology_cites)):
            pass
            t_2.extend((
                ' ',
                escape(environment.getitem((undefined(name='chronology_cites') if l_1_chronology_cites is missing else l_1_chronology_cites), environment.getattr(l_1_e, 'claim_id'))),
            ))
        else:
            pass
            for l_2_c in environment.getattr(l_1_e, 'cited'):
                _loop_vars = {}
                pass
                t_2.extend((
                    ' <a class="chron-cite" href="#',
                    escape(environment.getattr(l_2_c, 'target')),
                    '">',
                    escape(environment.getattr(l_2_c, 'source_title')),
                    '</a>',
                ))
            l_2_c = missing
        t_2.append(
            '</li>\n',
        )
        return concat(t_2)
    context.exported_vars.add('event')
    context.vars['event'] = l_0_event = Macro(environment, macro, 'event', ('e',), False, False, False, context.eval_ctx.autoescape)
    if (undefined(name='chronology') if l_0_chronology is missing else l_0_chronology):
        pass
        yield '<section id="chronology" aria-labelledby="chronology-h">\n<h2 id="chronology-h">Chronology</h2>\n<ol class="chronology">\n'
        for l_1_e in environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'before'):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='event') if l_0_event is missing else l_0_event), l_1_e, _loop_vars=_loop_vars))
        l_1_e = missing
        yield '<li class="chron-cutoff"><time datetime="'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'cut_off'), 'isoformat')))
        yield '">'
        yield escape(environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'cut_off_words'))
        yield '</time> Information cut-off: nothing later was considered.</li>\n'
        for l_1_e in environment.getattr((undefined(name='chronology') if l_0_chronology is missing else l_0_chronology), 'after'):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='event') if l_0_event is missing else l_0_event), l_1_e, _loop_vars=_loop_vars))
        l_1_e = missing
        yield '</ol>\n</section>\n'

blocks = {}
debug_info = '1=19&3=81&7=84&8=90&9=94'