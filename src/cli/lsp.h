#ifndef OVC_LSP_H
#define OVC_LSP_H

/*
 * ovc lsp: a Language Server (LSP 3.17) for an ordinance directory,
 * JSON-RPC 2.0 over stdin/stdout with Content-Length framing.
 *
 * What it offers: full text sync; textDocument/publishDiagnostics for every
 * file of the ordinance after each open or change, computed from the
 * unsaved text (source overlays, src/source/source.h) with ovc's rule id as code;
 * hover on a reference (the target article's heading and first lid);
 * go-to-definition for references, label links and defined terms; code
 * actions for the diagnostics that carry a fix. Positions are in the
 * encoding negotiated at initialize: utf-32 or utf-8 when the client offers
 * them, utf-16 otherwise (src/cli/lsp_pos.h).
 *
 * The ordinance directory of a document is the directory that holds it.
 * Nothing is sent before `initialize` is answered; requests before it get
 * error -32002 and notifications are dropped (LSP 3.17, "initialize").
 * Ends on `exit` or end of input: status 0 after `shutdown`, else 1.
 */

/* ARGV[0] is "lsp". Returns the process exit status. */
int lsp_main(int argc, char **argv);

#endif
