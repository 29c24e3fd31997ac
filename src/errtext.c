#include "errtext.h"

#include <errno.h>

const char *errtext(int errnum)
{
	switch (errnum) {
	case ENOENT: return "bestaat niet; controleer de naam en de map";
	case EACCES:
	case EPERM: return "geen toegang; controleer de rechten (ls -l)";
	case ENOSPC: return "de schijf is vol; maak ruimte vrij en probeer het opnieuw";
	case EDQUOT: return "uw schijfquotum is op; maak ruimte vrij en probeer het opnieuw";
	case EROFS: return "de schijf is alleen-lezen; kies een andere map";
	case EISDIR: return "is een map, geen bestand";
	case ENOTDIR: return "een deel van het pad is geen map";
	case EEXIST: return "bestaat al";
	case ENAMETOOLONG: return "de naam is te lang";
	case ELOOP: return "te veel symbolische koppelingen achter elkaar";
	case EMFILE:
	case ENFILE: return "te veel open bestanden; sluit andere programma's en probeer het opnieuw";
	case ENOMEM: return "te weinig geheugen";
	case EIO: return "invoer-/uitvoerfout van de schijf; controleer de schijf";
	case EFBIG: return "het bestand wordt te groot voor de schijf";
	case EBUSY: return "is in gebruik; probeer het later opnieuw";
	case ENXIO:
	case ENODEV: return "is geen gewoon bestand";
	case EXDEV: return "staat op een ander bestandssysteem";
	case ENOTEMPTY: return "de map is niet leeg";
	case EINVAL: return "ongeldige waarde";
	default: return "systeemfout";
	}
}
