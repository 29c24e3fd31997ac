#ifndef OVC_VERSION_H
#define OVC_VERSION_H

/* ovc's version: ovc --version, SARIF's tool.driver.version, and the check
 * that the PDF module (ovc-pdf.so, src/emit/pdfmodule.h) belongs to this ovc. */
#define OVC_VERSION "0.1.0"

#endif
