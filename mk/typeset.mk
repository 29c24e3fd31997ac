# The PDF typesetter (src/typeset*.c, docs/typesetter.md): it gives pango a
# private fontconfig configuration (pango_fc_font_map_set_config), which
# lives in pangoft2 and fontconfig.
TS_LIBS += $(shell pkg-config --libs pangoft2 fontconfig 2>/dev/null || echo -lpangoft2-1.0 -lfontconfig)
TS_LIBS += $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)
