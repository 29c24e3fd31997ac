#ifndef OVC_ERRTEXT_H
#define OVC_ERRTEXT_H

/*
 * Dutch text for a system error (errno), so that no English strerror()
 * text reaches a user (issue 22). The text says what went wrong and, for
 * the errors a user can fix, what to do: "de map bestaat niet; controleer
 * de naam". Unknown codes give "systeemfout N". Thread-safe: returns a
 * static string.
 */
const char *errtext(int errnum);

#endif
