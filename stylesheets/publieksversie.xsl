<?xml version="1.0" encoding="UTF-8"?>
<!--
  The citizen edition: a small site for the screen, one document for print.

  Pages (medium=screen; the output is a bundle <ovc:site> of <ovc:pagina
  bestand="…"> elements, each holding one XHTML page; ovc writes each to
  its file, src/emit/site.c):

    publieksversie.html               start: what this is, contact, the themes
    publieksversie-<thema>.html       one per theme: its topics, with a short index
    publieksversie-zo-werkt-het.html  the route: melding … bezwaar, with time frames
    publieksversie-woordenlijst.html  the plain woordenlijst
    publieksversie-a-z.html           A-Z index of topics, keywords and words
    publieksversie-over.html          "Over deze regels": the other articles

  medium=print writes the same parts in one document for the typesetter:
  title page with contact, table of contents (the theme menu with page
  numbers), themes, route, woordenlijst, Over deze regels, contact.

  What goes where (docs/format.md, "Publieksversie"): an article with
  stap= is a step of the route and nowhere else; else the thema= of its
  Voor inwoners heading, else the article's thema=; "over" (and articles
  without a Voor inwoners text, kernwaarden and slotbepalingen by default)
  go to "Over deze regels"; "geen" (and the begrippen article, whose Voor
  inwoners is the woordenlijst) leaves it out. A topic's heading is the
  kop= of its Voor inwoners heading, else the article title. Within a
  theme the topics of the law parts come first, then those of the common
  part, each in document order.

  xsltproc -\-stringparam medium screen stylesheets/publieksversie.xsl out/verordening.akn.xml
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ovc="https://ovc.nl/ns/1"
  xmlns:exsl="http://exslt.org/common"
  xmlns:str="http://exslt.org/strings"
  extension-element-prefixes="exsl str"
  exclude-result-prefixes="akn ovc exsl str">

  <xsl:import href="common.xsl"/>

  <!-- The legal edition, relative to this page. -->
  <xsl:param name="verordening-href" select="'verordening.html'"/>
  <!-- Internal citations in citizen texts point into the legal edition. -->
  <xsl:param name="intern-basis" select="$verordening-href"/>
  <!-- File names of the site: <prefix>.html, <prefix>-<page>.html. -->
  <xsl:param name="prefix" select="'publieksversie'"/>

  <xsl:variable name="themas" select="$act/akn:attachments/akn:attachment/akn:doc[@name = 'themas']/akn:mainBody/akn:hcontainer[@name = 'thema']"/>
  <xsl:variable name="artikelen" select="$act/akn:body//akn:article"/>
  <!-- The plain woordenlijst: the "- **woord**: uitleg" items of the
       Voor inwoners block of the begrippen article(s). -->
  <xsl:variable name="woorden" select="$artikelen[@ovc:type = 'begrippen']/akn:hcontainer[@name = 'voorInwoners']/akn:content/akn:ul/akn:li[akn:b]"/>
  <xsl:variable name="kleine" select="'abcdefghijklmnopqrstuvwxyzáàäéèëíïóöúüç'"/>
  <xsl:variable name="grote" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÁÀÄÉÈËÍÏÓÖÚÜÇ'"/>

  <!-- The route, in this order, with the B1 title used when the step's
       Voor inwoners heading has no kop=. -->
  <xsl:variable name="stappen-rtf">
    <stap id="melding">U meldt uw vraag</stap>
    <stap id="gesprek">Het gesprek</stap>
    <stap id="onderzoek">Het onderzoek</stap>
    <stap id="verslag">Het verslag</stap>
    <stap id="aanvraag">U vraagt de hulp aan</stap>
    <stap id="besluit">De gemeente beslist</stap>
    <stap id="bezwaar">Bent u het niet eens?</stap>
  </xsl:variable>
  <xsl:variable name="stappen-aanwezig-rtf">
    <xsl:for-each select="exsl:node-set($stappen-rtf)/*">
      <xsl:if test="$artikelen[@ovc:stap = current()/@id or akn:hcontainer[@name = 'voorInwoners']/@ovc:stap = current()/@id]">
        <xsl:copy-of select="."/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="stappen" select="exsl:node-set($stappen-aanwezig-rtf)/*"/>

  <!-- Where each article goes: <plek art="eId" thema="wonen"/> per theme,
       thema="route", "over" or nothing ("geen"). -->
  <xsl:variable name="plekken-rtf">
    <xsl:for-each select="$artikelen">
      <xsl:variable name="inw" select="akn:hcontainer[@name = 'voorInwoners']"/>
      <xsl:variable name="waar">
        <xsl:choose>
          <xsl:when test="@ovc:stap or $inw/@ovc:stap">route</xsl:when>
          <xsl:when test="@ovc:type = 'begrippen'">geen</xsl:when>
          <xsl:when test="normalize-space($inw/@ovc:thema)">
            <xsl:value-of select="translate(normalize-space($inw/@ovc:thema), ' ', '')"/>
          </xsl:when>
          <xsl:when test="@ovc:type or not($inw) or ancestor::akn:part[contains(@refersTo, '#wet-slot')]">over</xsl:when>
          <xsl:when test="normalize-space(@ovc:thema)"><xsl:value-of select="normalize-space(@ovc:thema)"/></xsl:when>
          <xsl:otherwise>over</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="eId" select="@eId"/>
      <xsl:for-each select="str:tokenize($waar, ',')">
        <xsl:if test=". != 'geen'">
          <plek art="{$eId}" thema="{.}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="plekken" select="exsl:node-set($plekken-rtf)/*"/>
  <xsl:variable name="over" select="$artikelen[@eId = $plekken[@thema = 'over']/@art]"/>

  <!-- ======================================================== pages -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$print">
        <xsl:call-template name="document"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="ovc:site" namespace="https://ovc.nl/ns/1">
          <xsl:call-template name="pagina">
            <xsl:with-param name="soort" select="'start'"/>
          </xsl:call-template>
          <xsl:for-each select="$themas">
            <xsl:call-template name="pagina">
              <xsl:with-param name="soort" select="'thema'"/>
              <xsl:with-param name="thema" select="."/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$stappen">
            <xsl:call-template name="pagina">
              <xsl:with-param name="soort" select="'zo-werkt-het'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$woorden">
            <xsl:call-template name="pagina">
              <xsl:with-param name="soort" select="'woordenlijst'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="pagina">
            <xsl:with-param name="soort" select="'a-z'"/>
          </xsl:call-template>
          <xsl:call-template name="pagina">
            <xsl:with-param name="soort" select="'over'"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The file of a page. -->
  <xsl:template name="bestand">
    <xsl:param name="soort"/>
    <xsl:param name="thema" select="/.."/>
    <xsl:choose>
      <xsl:when test="$soort = 'start'"><xsl:value-of select="concat($prefix, '.html')"/></xsl:when>
      <xsl:when test="$soort = 'thema'"><xsl:value-of select="concat($prefix, '-', substring-after($thema/@eId, 'thema_'), '.html')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($prefix, '-', $soort, '.html')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link target: "file#id" on screen, "#id" in print (one document). -->
  <xsl:template name="doel">
    <xsl:param name="soort"/>
    <xsl:param name="thema" select="/.."/>
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$print">
        <xsl:text>#</xsl:text>
        <xsl:choose>
          <xsl:when test="string($id)"><xsl:value-of select="$id"/></xsl:when>
          <xsl:when test="$soort = 'thema'"><xsl:value-of select="$thema/@eId"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$soort"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="bestand">
          <xsl:with-param name="soort" select="$soort"/>
          <xsl:with-param name="thema" select="$thema"/>
        </xsl:call-template>
        <xsl:if test="string($id)"><xsl:value-of select="concat('#', $id)"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pagina">
    <xsl:param name="soort"/>
    <xsl:param name="thema" select="/.."/>
    <xsl:variable name="kop">
      <xsl:choose>
        <xsl:when test="$soort = 'start'">Hulp en ondersteuning van de gemeente <xsl:value-of select="$gemeente"/></xsl:when>
        <xsl:when test="$soort = 'thema'"><xsl:value-of select="normalize-space($thema/akn:heading)"/></xsl:when>
        <xsl:when test="$soort = 'zo-werkt-het'">Zo werkt het: hulp vragen</xsl:when>
        <xsl:when test="$soort = 'woordenlijst'">Woordenlijst</xsl:when>
        <xsl:when test="$soort = 'a-z'">Onderwerpen van A tot Z</xsl:when>
        <xsl:otherwise>Over deze regels</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="ovc:pagina" namespace="https://ovc.nl/ns/1">
      <xsl:attribute name="bestand">
        <xsl:call-template name="bestand">
          <xsl:with-param name="soort" select="$soort"/>
          <xsl:with-param name="thema" select="$thema"/>
        </xsl:call-template>
      </xsl:attribute>
      <html lang="nl">
        <xsl:call-template name="head">
          <xsl:with-param name="stijl" select="'publieksversie'"/>
          <xsl:with-param name="paginatitel">
            <xsl:value-of select="$kop"/>
            <xsl:if test="$soort != 'start'"> · Gemeente <xsl:value-of select="$gemeente"/></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="onderwerp" select="concat('Uitleg in gewone taal bij de ', $citeertitel)"/>
        </xsl:call-template>
        <body class="publieksversie">
          <xsl:call-template name="skiplink"/>
          <header class="paginakop">
            <p class="paginakop-gemeente">
              <a href="{$prefix}.html">Gemeente <xsl:value-of select="$gemeente"/>: hulp en ondersteuning</a>
            </p>
            <xsl:if test="$c-telefoon">
              <p class="paginakop-bel">Vragen? Bel <strong><xsl:value-of select="$c-telefoon"/></strong></p>
            </xsl:if>
            <nav class="paginakop-nav" aria-label="Menu">
              <ul>
                <li><a href="{$prefix}.html">Alle onderwerpen</a></li>
                <xsl:if test="$stappen"><li><a href="{$prefix}-zo-werkt-het.html">Zo werkt het</a></li></xsl:if>
                <xsl:if test="$woorden"><li><a href="{$prefix}-woordenlijst.html">Woordenlijst</a></li></xsl:if>
                <li><a href="{$prefix}-a-z.html">A tot Z</a></li>
              </ul>
            </nav>
          </header>
          <main id="inhoud">
            <xsl:choose>
              <xsl:when test="$soort = 'start'"><xsl:call-template name="start"/></xsl:when>
              <xsl:when test="$soort = 'thema'"><xsl:apply-templates select="$thema"/></xsl:when>
              <xsl:when test="$soort = 'zo-werkt-het'"><xsl:call-template name="zo-werkt-het"/></xsl:when>
              <xsl:when test="$soort = 'woordenlijst'"><xsl:call-template name="woordenlijst"/></xsl:when>
              <xsl:when test="$soort = 'a-z'"><xsl:call-template name="a-z"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="over-deze-regels"/></xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="contact"/>
          </main>
          <footer class="paginavoet">
            <p>
              <xsl:text>Gemeente </xsl:text>
              <xsl:value-of select="$gemeente"/>
              <xsl:text> · Uitleg in gewone taal · </xsl:text>
              <xsl:call-template name="status-tekst"/>
            </p>
            <p><a href="{$verordening-href}">De officiële tekst van de regels</a></p>
          </footer>
        </body>
      </html>
    </xsl:element>
  </xsl:template>

  <!-- The print document: the same parts, in reading order. -->
  <xsl:template name="document">
    <html lang="nl">
      <xsl:call-template name="head">
        <xsl:with-param name="stijl" select="'publieksversie'"/>
        <xsl:with-param name="paginatitel" select="concat('Hulp en ondersteuning van de gemeente ', $gemeente)"/>
        <xsl:with-param name="onderwerp" select="concat('Uitleg in gewone taal bij de ', $citeertitel)"/>
      </xsl:call-template>
      <body class="publieksversie">
        <main id="inhoud">
          <xsl:call-template name="start"/>
          <nav class="toc"></nav>
          <xsl:apply-templates select="$themas"/>
          <xsl:if test="$stappen"><xsl:call-template name="zo-werkt-het"/></xsl:if>
          <xsl:if test="$woorden"><xsl:call-template name="woordenlijst"/></xsl:if>
          <xsl:call-template name="over-deze-regels"/>
          <xsl:call-template name="contact">
            <xsl:with-param name="id" select="'contact'"/>
          </xsl:call-template>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- ========================================================= start -->

  <xsl:template name="start">
    <section class="titelpagina" id="start" aria-labelledby="titel">
      <h1 id="titel">Hulp en ondersteuning van de gemeente <xsl:value-of select="$gemeente"/></h1>
      <p class="inleiding">Hier leest u in gewone taal wat de gemeente voor u kan doen. En hoe u hulp vraagt.</p>
      <xsl:if test="$print"><xsl:call-template name="geen-regels"/></xsl:if>
      <xsl:call-template name="ontwerp-melding">
        <xsl:with-param name="tekst">Deze tekst is nog niet klaar. De gemeenteraad moet de regels nog vaststellen.</xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$print">
        <!-- h2: right after the title (h1), so no heading level is skipped (PDF/UA) -->
        <xsl:call-template name="contact">
          <xsl:with-param name="id" select="'contact-voorkant'"/>
          <xsl:with-param name="niveau" select="2"/>
        </xsl:call-template>
      </xsl:if>
    </section>
    <xsl:if test="not($print) and $themas">
      <nav class="wat-wilt-u" aria-labelledby="wat-wilt-u">
        <h2 id="wat-wilt-u">Waar gaat uw vraag over?</h2>
        <ul class="themakaarten">
          <xsl:for-each select="$themas">
            <li class="themakaart">
              <xsl:apply-templates select="(akn:content//akn:img)[1]" mode="figuur"/>
              <h3 id="{@eId}__kaart">
                <a>
                  <xsl:attribute name="href">
                    <xsl:call-template name="doel">
                      <xsl:with-param name="soort" select="'thema'"/>
                      <xsl:with-param name="thema" select="."/>
                    </xsl:call-template>
                  </xsl:attribute>
                  <xsl:value-of select="normalize-space(akn:heading)"/>
                </a>
              </h3>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
      <nav class="verder" aria-labelledby="verder">
        <h2 id="verder">Meer uitleg</h2>
        <ul>
          <xsl:if test="$stappen"><li><a href="{$prefix}-zo-werkt-het.html">Zo werkt het: van uw vraag tot het besluit</a></li></xsl:if>
          <xsl:if test="$woorden"><li><a href="{$prefix}-woordenlijst.html">Woordenlijst: wat betekent dit woord?</a></li></xsl:if>
          <li><a href="{$prefix}-a-z.html">Alle onderwerpen van A tot Z</a></li>
          <li><a href="{$prefix}-over.html">Over deze regels</a></li>
        </ul>
      </nav>
      <xsl:call-template name="geen-regels"/>
    </xsl:if>
  </xsl:template>

  <!-- The plain texts explain; only the rules are adopted. -->
  <xsl:template name="geen-regels">
    <p class="geen-regels">
      <xsl:text>Deze uitleg is niet de officiële tekst. De gemeenteraad stelt alleen de regels vast: de </xsl:text>
      <a href="{$verordening-href}"><xsl:value-of select="$citeertitel"/></a>
      <xsl:text>. Staat hier iets anders dan in de regels? Dan gelden de regels.</xsl:text>
    </p>
  </xsl:template>

  <!-- ======================================================= contact -->

  <xsl:variable name="c-telefoon" select="normalize-space($md/ovc:telefoon)"/>
  <xsl:variable name="c-adres" select="normalize-space($md/ovc:adres)"/>
  <xsl:variable name="c-website" select="normalize-space($md/ovc:website)"/>
  <xsl:variable name="c-formulier" select="normalize-space($md/ovc:formulier)"/>
  <xsl:variable name="c-tijden" select="normalize-space($md/ovc:openingstijden)"/>
  <xsl:variable name="c-clientondersteuning" select="normalize-space($md/ovc:clientondersteuning)"/>
  <xsl:variable name="c-spoed" select="normalize-space($md/ovc:spoed)"/>
  <xsl:variable name="heeft-contact" select="$c-telefoon or $c-adres or $c-website"/>

  <!-- A web address as a link (https only), else as text. -->
  <xsl:template name="webadres">
    <xsl:param name="url"/>
    <xsl:choose>
      <xsl:when test="starts-with($url, 'https://')">
        <a href="{$url}"><xsl:value-of select="substring-after($url, 'https://')"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Who to call: on every page (screen), on the cover, after each
       theme and on the last page (print). $id: unique in the document. -->
  <xsl:template name="contact">
    <xsl:param name="id" select="'contact'"/>
    <!-- print: only the last one is in the table of contents -->
    <xsl:param name="niveau" select="2 + number($print and $id != 'contact')"/>
    <xsl:if test="$heeft-contact">
      <aside class="contact" id="{$id}" aria-labelledby="{$id}__kop">
        <xsl:element name="h{$niveau}">
          <xsl:attribute name="id"><xsl:value-of select="$id"/>__kop</xsl:attribute>
          <xsl:if test="$print and $id != 'contact'"><xsl:attribute name="data-outline">0</xsl:attribute></xsl:if>
          <xsl:text>Vragen? Neem contact op</xsl:text>
        </xsl:element>
        <ul>
          <xsl:if test="$c-telefoon">
            <li>
              <xsl:text>Bel de gemeente: </xsl:text>
              <strong><xsl:value-of select="$c-telefoon"/></strong>
              <xsl:if test="$c-tijden"><xsl:text>. </xsl:text><xsl:value-of select="$c-tijden"/></xsl:if>
            </li>
          </xsl:if>
          <xsl:if test="$c-adres">
            <li><xsl:text>Kom langs: </xsl:text><xsl:value-of select="$c-adres"/></li>
          </xsl:if>
          <xsl:if test="$c-formulier or $c-website">
            <li>
              <xsl:text>Online: </xsl:text>
              <xsl:call-template name="webadres">
                <xsl:with-param name="url" select="concat($c-formulier, substring($c-website, 1, string-length($c-website) * not($c-formulier)))"/>
              </xsl:call-template>
              <xsl:if test="$c-formulier and $c-website">
                <xsl:text> of </xsl:text>
                <xsl:call-template name="webadres">
                  <xsl:with-param name="url" select="$c-website"/>
                </xsl:call-template>
              </xsl:if>
            </li>
          </xsl:if>
          <xsl:if test="$c-clientondersteuning">
            <li><xsl:text>Hulp bij het gesprek: </xsl:text><xsl:value-of select="$c-clientondersteuning"/></li>
          </xsl:if>
        </ul>
        <xsl:if test="$c-spoed">
          <p class="spoed"><strong>Spoed?</strong><xsl:text> </xsl:text><xsl:value-of select="$c-spoed"/></p>
        </xsl:if>
      </aside>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================== themes -->

  <xsl:template match="akn:hcontainer[@name = 'thema']">
    <xsl:variable name="thema" select="."/>
    <xsl:variable name="id" select="substring-after(@eId, 'thema_')"/>
    <xsl:variable name="hier" select="$artikelen[@eId = $plekken[@thema = $id]/@art]"/>
    <section class="thema nieuwe-pagina" id="{@eId}" aria-labelledby="{@eId}__kop">
      <xsl:choose>
        <xsl:when test="$print"><h2 id="{@eId}__kop"><xsl:apply-templates select="akn:heading/node()"/></h2></xsl:when>
        <xsl:otherwise><h1 id="{@eId}__kop"><xsl:apply-templates select="akn:heading/node()"/></h1></xsl:otherwise>
      </xsl:choose>
      <!-- The introduction; the illustration is on the start page. -->
      <xsl:for-each select="akn:content/*">
        <xsl:choose>
          <xsl:when test="self::akn:p and akn:img and normalize-space(.) = ''"/>
          <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="not($hier)">
          <p class="leeg">Over dit onderwerp staan nog geen regels in deze tekst.</p>
        </xsl:when>
        <xsl:when test="not($print)">
          <nav class="in-dit-thema" aria-labelledby="{@eId}__index">
            <h2 id="{@eId}__index">In dit thema</h2>
            <ul>
              <xsl:for-each select="$hier">
              <xsl:sort select="number(boolean(ancestor::akn:part[contains(@refersTo, '#wet-gemeenschappelijk')]))" data-type="number"/>
                <li>
                  <a href="#{$thema/@eId}__{@eId}"><xsl:call-template name="onderwerp-kop"/></a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </xsl:when>
      </xsl:choose>
      <xsl:for-each select="$hier">
      <xsl:sort select="number(boolean(ancestor::akn:part[contains(@refersTo, '#wet-gemeenschappelijk')]))" data-type="number"/>
        <xsl:call-template name="onderwerp">
          <xsl:with-param name="id" select="concat($thema/@eId, '__', @eId)"/>
          <xsl:with-param name="niveau" select="2 + number($print)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$stappen">
        <p class="volgende">
          <xsl:text>Wat gebeurt er als u hulp vraagt? Lees </xsl:text>
          <a>
            <xsl:attribute name="href">
              <xsl:call-template name="doel">
                <xsl:with-param name="soort" select="'zo-werkt-het'"/>
              </xsl:call-template>
            </xsl:attribute>
            <xsl:text>Zo werkt het</xsl:text>
          </a>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <xsl:if test="$print and $heeft-contact">
        <!-- compact at the foot of a theme; the whole block is on the cover and the last page -->
        <aside class="contact" id="{@eId}__contact">
          <p>
            <strong>Vragen?</strong>
            <xsl:if test="$c-telefoon">
              <xsl:text> Bel de gemeente: </xsl:text>
              <strong><xsl:value-of select="$c-telefoon"/></strong>
              <xsl:text>.</xsl:text>
            </xsl:if>
            <xsl:if test="$c-website">
              <xsl:text> Online: </xsl:text>
              <xsl:call-template name="webadres">
                <xsl:with-param name="url" select="$c-website"/>
              </xsl:call-template>
              <xsl:text>.</xsl:text>
            </xsl:if>
            <xsl:text> Alle manieren om ons te bereiken staan </xsl:text>
            <a href="#contact">achterin</a>
            <xsl:text>.</xsl:text>
          </p>
        </aside>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- A topic's heading: kop= of its Voor inwoners, else the title. -->
  <xsl:template name="onderwerp-kop">
    <xsl:variable name="kop" select="normalize-space(akn:hcontainer[@name = 'voorInwoners']/@ovc:kop)"/>
    <xsl:choose>
      <xsl:when test="$kop"><xsl:value-of select="$kop"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(akn:heading)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One topic as a resident reads it: the plain heading, the Voor
       inwoners text, and once, small, where the rule is. -->
  <xsl:template name="onderwerp">
    <xsl:param name="id"/>
    <xsl:param name="niveau"/>
    <xsl:param name="kop">
      <xsl:call-template name="onderwerp-kop"/>
    </xsl:param>
    <!-- more to say after the text, before the source line -->
    <xsl:param name="extra" select="/.."/>
    <xsl:variable name="inwoners" select="akn:hcontainer[@name = 'voorInwoners']"/>
    <article class="onderwerp" id="{$id}" aria-labelledby="{$id}__kop">
      <xsl:element name="h{$niveau}">
        <xsl:attribute name="id"><xsl:value-of select="$id"/>__kop</xsl:attribute>
        <xsl:value-of select="$kop"/>
      </xsl:element>
      <xsl:if test="normalize-space($inwoners/@ovc:termijn)">
        <xsl:variable name="t" select="normalize-space($inwoners/@ovc:termijn)"/>
        <p class="blok-label termijn"><strong>Hoe lang?</strong><xsl:text> </xsl:text><xsl:value-of select="concat(translate(substring($t, 1, 1), $kleine, $grote), substring($t, 2))"/>.</p>
      </xsl:if>
      <xsl:if test="$inwoners">
        <div class="inwoners">
          <xsl:apply-templates select="$inwoners/akn:content"/>
        </div>
      </xsl:if>
      <xsl:copy-of select="$extra"/>
      <xsl:call-template name="bron"/>
    </article>
  </xsl:template>

  <!-- "Regels: artikel 9.3 · Wmo 2015": the law only for articles of one
       or two laws (the common part applies to all, so it says nothing). -->
  <xsl:template name="bron">
    <xsl:variable name="labels-rtf">
      <xsl:call-template name="wet-labels">
        <xsl:with-param name="artikel" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="labels" select="exsl:node-set($labels-rtf)/*/*"/>
    <p class="bron wet-labels">
      <xsl:text>Regels: </xsl:text>
      <a href="{$verordening-href}#{@eId}">
        <xsl:call-template name="num-klein">
          <xsl:with-param name="num" select="normalize-space(akn:num)"/>
        </xsl:call-template>
      </a>
      <xsl:if test="count($labels) &gt; 0 and count($labels) &lt; 3">
        <xsl:for-each select="$labels">
          <xsl:text> · </xsl:text>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- =================================================== Zo werkt het -->

  <xsl:template name="zo-werkt-het">
    <section class="stappen nieuwe-pagina" id="zo-werkt-het" aria-labelledby="zo-werkt-het__kop">
      <xsl:choose>
        <xsl:when test="$print"><h2 id="zo-werkt-het__kop">Zo werkt het: hulp vragen</h2></xsl:when>
        <xsl:otherwise><h1 id="zo-werkt-het__kop">Zo werkt het: hulp vragen</h1></xsl:otherwise>
      </xsl:choose>
      <p>Zo gaat het als u hulp vraagt aan de gemeente. Het gaat in <xsl:value-of select="count($stappen)"/> stappen. Bij elke stap staat hoe lang die mag duren.</p>
      <xsl:for-each select="$stappen">
        <xsl:variable name="stap" select="@id"/>
        <xsl:variable name="nr" select="position()"/>
        <xsl:variable name="titel" select="string(.)"/>
        <xsl:variable name="hier" select="$artikelen[@ovc:stap = $stap or akn:hcontainer[@name = 'voorInwoners']/@ovc:stap = $stap]"/>
        <section class="stap" id="stap_{$stap}" aria-labelledby="stap_{$stap}__{$hier[1]/@eId}__kop">
          <xsl:for-each select="$hier">
            <xsl:variable name="eigen" select="normalize-space(akn:hcontainer[@name = 'voorInwoners']/@ovc:kop)"/>
            <xsl:call-template name="onderwerp">
              <xsl:with-param name="id" select="concat('stap_', $stap, '__', @eId)"/>
              <xsl:with-param name="niveau" select="2 + number($print) + number(position() &gt; 1)"/>
              <xsl:with-param name="kop">
                <xsl:if test="position() = 1"><xsl:value-of select="concat('Stap ', $nr, '. ')"/></xsl:if>
                <xsl:choose>
                  <xsl:when test="$eigen"><xsl:value-of select="$eigen"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$titel"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="extra">
                <xsl:if test="$stap = 'melding' and position() = 1 and $c-telefoon">
                  <p class="stap-contact">
                    <xsl:text>Bel de gemeente: </xsl:text>
                    <strong><xsl:value-of select="$c-telefoon"/></strong>
                    <xsl:if test="$c-formulier">
                      <xsl:text>. Of meld uw vraag online: </xsl:text>
                      <xsl:call-template name="webadres">
                        <xsl:with-param name="url" select="$c-formulier"/>
                      </xsl:call-template>
                    </xsl:if>
                    <xsl:text>.</xsl:text>
                  </p>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- ==================================================== woordenlijst -->

  <!-- "persoonsgebonden budget (pgb)" → woord-persoonsgebonden-budget -->
  <xsl:template name="woord-id">
    <xsl:param name="woord"/>
    <xsl:variable name="kern">
      <xsl:choose>
        <xsl:when test="contains($woord, ' (')"><xsl:value-of select="substring-before($woord, ' (')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$woord"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat('woord-', translate(normalize-space(translate($kern, $grote, $kleine)), ' ', '-'))"/>
  </xsl:template>

  <xsl:template name="woordenlijst">
    <section class="woordenlijst nieuwe-pagina" id="woordenlijst" aria-labelledby="woordenlijst__kop">
      <xsl:choose>
        <xsl:when test="$print"><h2 id="woordenlijst__kop">Woordenlijst</h2></xsl:when>
        <xsl:otherwise><h1 id="woordenlijst__kop">Woordenlijst</h1></xsl:otherwise>
      </xsl:choose>
      <p>Wat betekenen de woorden in deze uitleg? Hier staat het in gewone taal.</p>
      <dl class="begrippenlijst">
        <xsl:for-each select="$woorden">
          <xsl:sort select="translate(normalize-space(akn:b[1]), $grote, $kleine)"/>
          <xsl:variable name="wid">
            <xsl:call-template name="woord-id">
              <xsl:with-param name="woord" select="normalize-space(akn:b[1])"/>
            </xsl:call-template>
          </xsl:variable>
          <dt><dfn id="{$wid}"><xsl:value-of select="normalize-space(akn:b[1])"/></dfn></dt>
          <dd><xsl:call-template name="uitleg"/></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- The explanation after "**woord**:", with a capital and a full stop. -->
  <xsl:template name="uitleg">
    <xsl:variable name="na" select="akn:b[1]/following-sibling::node()"/>
    <xsl:for-each select="$na">
      <xsl:choose>
        <xsl:when test="self::text() and position() = 1">
          <xsl:variable name="t" select="normalize-space(substring-after(., ':'))"/>
          <xsl:value-of select="concat(translate(substring($t, 1, 1), $kleine, $grote), substring($t, 2))"/>
          <xsl:if test="position() != last() and substring(., string-length(.)) = ' '"><xsl:text> </xsl:text></xsl:if>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- In this edition a term links to the plain woordenlijst, when the
       word is there. -->
  <xsl:template match="akn:term">
    <xsl:variable name="wid" select="concat('woord-', substring-after(normalize-space(@refersTo), '#term-'))"/>
    <xsl:variable name="er-is">
      <xsl:for-each select="$woorden">
        <xsl:variable name="id">
          <xsl:call-template name="woord-id">
            <xsl:with-param name="woord" select="normalize-space(akn:b[1])"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$id = $wid">1</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($er-is)">
        <a class="term">
          <xsl:attribute name="href">
            <xsl:call-template name="doel">
              <xsl:with-param name="soort" select="'woordenlijst'"/>
              <xsl:with-param name="id" select="$wid"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="term"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ A-Z -->

  <xsl:template name="a-z">
    <xsl:variable name="items-rtf">
      <xsl:for-each select="$themas">
        <xsl:variable name="thema" select="."/>
        <xsl:variable name="id" select="substring-after(@eId, 'thema_')"/>
        <xsl:for-each select="$artikelen[@eId = $plekken[@thema = $id]/@art]">
          <xsl:variable name="href" select="concat($prefix, '-', $id, '.html#', $thema/@eId, '__', @eId)"/>
          <xsl:variable name="kop"><xsl:call-template name="onderwerp-kop"/></xsl:variable>
          <w href="{$href}" bij="{normalize-space($thema/akn:heading)}"><xsl:value-of select="$kop"/></w>
          <xsl:for-each select="str:tokenize(akn:hcontainer[@name = 'voorInwoners']/@ovc:trefwoorden, ',')">
            <w href="{$href}" bij="{$kop}"><xsl:value-of select="normalize-space(.)"/></w>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$stappen">
        <xsl:variable name="stap" select="@id"/>
        <xsl:variable name="titel" select="string(.)"/>
        <xsl:for-each select="$artikelen[@ovc:stap = $stap or akn:hcontainer[@name = 'voorInwoners']/@ovc:stap = $stap]">
          <xsl:variable name="eigen" select="normalize-space(akn:hcontainer[@name = 'voorInwoners']/@ovc:kop)"/>
          <w href="{$prefix}-zo-werkt-het.html#stap_{$stap}" bij="Zo werkt het">
            <xsl:choose>
              <xsl:when test="$eigen"><xsl:value-of select="$eigen"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$titel"/></xsl:otherwise>
            </xsl:choose>
          </w>
          <xsl:for-each select="str:tokenize(akn:hcontainer[@name = 'voorInwoners']/@ovc:trefwoorden, ',')">
            <w href="{$prefix}-zo-werkt-het.html#stap_{$stap}" bij="Zo werkt het"><xsl:value-of select="normalize-space(.)"/></w>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$woorden">
        <xsl:variable name="wid">
          <xsl:call-template name="woord-id">
            <xsl:with-param name="woord" select="normalize-space(akn:b[1])"/>
          </xsl:call-template>
        </xsl:variable>
        <w href="{$prefix}-woordenlijst.html#{$wid}" bij="Woordenlijst"><xsl:value-of select="normalize-space(akn:b[1])"/></w>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="gesorteerd-rtf">
      <xsl:for-each select="exsl:node-set($items-rtf)/*">
        <xsl:sort select="translate(., $grote, $kleine)"/>
        <xsl:variable name="eerste" select="translate(substring(translate(., 'éÉ', 'ee'), 1, 1), $kleine, $grote)"/>
        <w letter="{$eerste}" href="{@href}" bij="{@bij}"><xsl:value-of select="."/></w>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="alle" select="exsl:node-set($gesorteerd-rtf)/*"/>
    <section class="a-z" id="a-z" aria-labelledby="a-z__kop">
      <h1 id="a-z__kop">Onderwerpen van A tot Z</h1>
      <p>Zoek het woord dat bij uw vraag past. De link brengt u naar de uitleg.</p>
      <xsl:for-each select="$alle[not(@letter = preceding-sibling::*[1]/@letter)]">
        <xsl:variable name="letter" select="@letter"/>
        <h2 id="letter-{translate($letter, $grote, $kleine)}"><xsl:value-of select="$letter"/></h2>
        <ul class="a-z-lijst">
          <xsl:for-each select="$alle[@letter = $letter]">
            <li>
              <a href="{@href}"><xsl:value-of select="."/></a>
              <span class="a-z-bij"><xsl:text> · </xsl:text><xsl:value-of select="@bij"/></span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- ================================================ Over deze regels -->

  <xsl:template name="over-deze-regels">
    <section class="over nieuwe-pagina" id="over" aria-labelledby="over__kop">
      <xsl:choose>
        <xsl:when test="$print"><h2 id="over__kop">Over deze regels</h2></xsl:when>
        <xsl:otherwise><h1 id="over__kop">Over deze regels</h1></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="geen-regels"/>
      <p class="status"><xsl:call-template name="status-tekst"/></p>
      <xsl:if test="$over">
        <p>Deze regels gaan over de regels zelf, over de organisaties die hulp geven, of over hoe de gemeente werkt. U leest ze in de officiële tekst.</p>
        <ul class="over-lijst">
          <xsl:for-each select="$over">
            <li>
              <a href="{$verordening-href}#{@eId}"><xsl:call-template name="onderwerp-kop"/></a>
              <xsl:text> (</xsl:text>
              <xsl:call-template name="num-klein">
                <xsl:with-param name="num" select="normalize-space(akn:num)"/>
              </xsl:call-template>
              <xsl:text>)</xsl:text>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
