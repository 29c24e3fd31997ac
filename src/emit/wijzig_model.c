/*
 * The model as text (wz_model_text in src/emit/wijzig.h): what ovc publishes of
 * an ordinance, one line per unit, block, lid and onderdeel, so that two
 * sources can be compared without looking at how their Markdown is laid
 * out. `ovc pas-toe --vergelijk` and the round-trip tests use it.
 */
#include "wijzig_doc.h"

#include "model.h"
#include "util.h"

#include <string.h>

static void put_inl(struct strbuf *sb, const struct inl *i)
{
	for (; i; i = i->next) {
		switch (i->kind) {
		case INL_TEXT:
		case INL_CODE:
			strbuf_puts(sb, i->text ? i->text : "");
			break;
		case INL_SOFTBREAK:
		case INL_LINEBREAK:
			strbuf_putc(sb, ' ');
			break;
		case INL_EMPH:
			strbuf_putc(sb, '_');
			put_inl(sb, i->child);
			strbuf_putc(sb, '_');
			break;
		case INL_STRONG:
			strbuf_puts(sb, "**");
			put_inl(sb, i->child);
			strbuf_puts(sb, "**");
			break;
		case INL_LINK:
		case INL_IMAGE:
			strbuf_puts(sb, i->kind == INL_IMAGE ? "![" : "[");
			put_inl(sb, i->child);
			strbuf_printf(sb, "](%s)", i->url ? i->url : "");
			break;
		case INL_HTML:
			break;
		}
	}
}

static void put_blocks(struct strbuf *sb, const struct blk *b, int depth);

static void indent(struct strbuf *sb, int depth)
{
	for (int k = 0; k < depth; k++)
		strbuf_puts(sb, "  ");
}

static void put_block(struct strbuf *sb, const struct blk *b, int depth)
{
	indent(sb, depth);
	switch (b->kind) {
	case BLK_PARA:
	case BLK_HEADING:
		strbuf_printf(sb, b->kind == BLK_PARA ? "p " : "h%d ", b->level);
		put_inl(sb, b->inl);
		strbuf_putc(sb, '\n');
		break;
	case BLK_LIST:
		strbuf_printf(sb, "lijst %s %d\n", b->ordered ? "genummerd" : "los", b->start);
		put_blocks(sb, b->child, depth + 1);
		break;
	case BLK_ITEM:
		strbuf_puts(sb, "item\n");
		put_blocks(sb, b->child, depth + 1);
		break;
	case BLK_QUOTE:
		strbuf_puts(sb, "citaat\n");
		put_blocks(sb, b->child, depth + 1);
		break;
	case BLK_CODE:
		strbuf_printf(sb, "code %s\n", b->text ? b->text : "");
		break;
	case BLK_HTML:
		strbuf_puts(sb, "html\n");
		break;
	case BLK_BREAK:
		strbuf_puts(sb, "lijn\n");
		break;
	}
}

static void put_blocks(struct strbuf *sb, const struct blk *b, int depth)
{
	for (; b; b = b->next)
		put_block(sb, b, depth);
}

static void put_point(struct strbuf *sb, const struct point *p, int depth)
{
	indent(sb, depth);
	strbuf_printf(sb, "onderdeel %s%s\n", p->label, p->depth > 1 ? "°" : "");
	put_blocks(sb, p->content, depth + 1);
	for (size_t k = 0; k < p->nsubs; k++)
		put_point(sb, &p->subs[k], depth + 1);
}

static void put_article(struct strbuf *sb, const struct unit *a)
{
	static const char *const names[BLOCK_COUNT] = {"doel", "regels", "voor inwoners", "toelichting"};
	for (int b = 0; b < BLOCK_COUNT; b++) {
		if (b == BLOCK_REGELS) {
			strbuf_puts(sb, "  regels\n");
			for (size_t l = 0; l < a->nleden; l++) {
				const struct lid *ld = &a->leden[l];
				strbuf_printf(sb, "    lid %d\n", ld->num);
				put_blocks(sb, ld->intro, 3);
				for (size_t p = 0; p < ld->npoints; p++)
					put_point(sb, &ld->points[p], 3);
				if (ld->after) {
					strbuf_puts(sb, "      na\n");
					put_blocks(sb, ld->after, 4);
				}
			}
			continue;
		}
		if (!a->block[b])
			continue;
		strbuf_printf(sb, "  %s\n", names[b]);
		put_blocks(sb, a->block[b], 2);
	}
}

char *wz_model_text(const struct ordinance *o)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		strbuf_printf(&sb, "%s %s %s", unit_kind_name(u->kind), u->num ? u->num : "?",
		              u->title ? u->title : "");
		for (size_t k = 0; k < u->nattrs; k++)
			strbuf_printf(&sb, " %s=%s", u->attrs[k].key, u->attrs[k].value ? u->attrs[k].value : "");
		strbuf_putc(&sb, '\n');
		if (u->kind == UNIT_ARTICLE)
			put_article(&sb, u);
	}
	return strbuf_detach(&sb, NULL);
}
