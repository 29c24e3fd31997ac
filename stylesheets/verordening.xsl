<?xml version="1.0" encoding="UTF-8"?>
<!--
  The legal edition (out/verordening.html): what the council adopts.

  Title, aanhef, table of contents, parts / chapters / paragraphs /
  articles with leden (1.), onderdelen (a.) and sub-onderdelen (1°.), the
  Doel of each article, slotformule and ondertekening, then the algemene
  and the artikelsgewijze toelichting. Ids are the AKN eIds.

  Headings: h1 title, Deel, Toelichting; h2 Hoofdstuk; h3 Paragraaf or
  Artikel; h4 Artikel in a Paragraaf (never deeper than h4).

  xsltproc -\-stringparam medium screen stylesheets/verordening.xsl out/verordening.akn.xml
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ovc="https://ovc.nl/ns/1"
  exclude-result-prefixes="akn ovc">

  <xsl:import href="common.xsl"/>

  <xsl:template match="/">
    <html lang="nl">
      <xsl:call-template name="head">
        <xsl:with-param name="stijl" select="'verordening'"/>
        <xsl:with-param name="paginatitel" select="$titel"/>
        <xsl:with-param name="onderwerp" select="concat('Verordening van de gemeente ', $gemeente)"/>
      </xsl:call-template>
      <body class="verordening">
        <xsl:call-template name="skiplink"/>
        <xsl:if test="not($print)">
          <header class="paginakop">
            <p class="paginakop-gemeente">Gemeente <xsl:value-of select="$gemeente"/></p>
            <p class="paginakop-status">
              <xsl:call-template name="status-tekst"/>
            </p>
          </header>
        </xsl:if>
        <main id="inhoud">
          <xsl:if test="not($print)">
            <nav class="kruimelpad" aria-label="Kruimelpad">
              <ol>
                <li>Gemeente <xsl:value-of select="$gemeente"/></li>
                <li>Regelgeving</li>
                <li aria-current="page"><xsl:value-of select="$citeertitel"/></li>
              </ol>
            </nav>
          </xsl:if>
          <xsl:call-template name="titelpagina"/>
          <xsl:if test="not($print)">
            <xsl:call-template name="downloads"/>
            <xsl:call-template name="wetstechnische-informatie"/>
          </xsl:if>
          <xsl:call-template name="inhoudsopgave"/>
          <xsl:apply-templates select="$act/akn:preamble"/>
          <xsl:apply-templates select="$act/akn:body"/>
          <xsl:apply-templates select="$act/akn:conclusions"/>
          <xsl:call-template name="toelichting"/>
        </main>
        <xsl:if test="not($print)">
          <footer class="paginavoet">
            <p>
              <xsl:value-of select="$citeertitel"/>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="status-tekst"/>
            </p>
            <p><a href="publieksversie.html">Uitleg in gewone taal (publieksversie)</a></p>
          </footer>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- ======================================================= title page -->

  <xsl:template name="titelpagina">
    <section class="titelpagina" aria-labelledby="titel">
      <h1 id="titel"><xsl:call-template name="titel-onafgebroken"/></h1>
      <p class="citeertitel">Citeertitel: <xsl:value-of select="$citeertitel"/></p>
      <p class="status">
        <xsl:text>Gemeente </xsl:text>
        <xsl:value-of select="$gemeente"/>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="status-tekst"/>
      </p>
      <xsl:call-template name="ontwerp-melding">
        <xsl:with-param name="tekst">Deze tekst is een ontwerp en is nog niet vastgesteld door de gemeenteraad.</xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- ============================================================== TOC -->

  <!-- Screen: a nested list of links. Print: the typesetter's placeholder
       (it writes the contents with page numbers itself). -->
  <xsl:template name="inhoudsopgave">
    <xsl:choose>
      <xsl:when test="$print"><nav class="toc"></nav></xsl:when>
      <xsl:otherwise>
        <nav class="toc" aria-labelledby="inhoudsopgave">
          <h2 id="inhoudsopgave">Inhoud</h2>
          <details class="toc-structuur">
          <summary>Structuur van de verordening (<xsl:value-of select="count($act/akn:body//akn:article)"/> artikelen)</summary>
          <ol class="toc-lijst">
            <xsl:if test="$act/akn:preamble">
              <li><a href="#aanhef">Aanhef</a></li>
            </xsl:if>
            <xsl:apply-templates select="$act/akn:body/*" mode="toc"/>
            <xsl:if test="$act/akn:conclusions">
              <li><a href="#slotformule">Ondertekening</a></li>
            </xsl:if>
            <xsl:if test="$act/akn:attachments/akn:attachment/akn:doc[@name = 'toelichting'] or $act/akn:body//akn:hcontainer[@name = 'toelichting']">
              <li><a href="#att_toelichting">Toelichting</a></li>
            </xsl:if>
          </ol>
          </details>
        </nav>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The structure navigation: each top-level unit collapsible
       (details/summary, no script), so that a phone opens on the text and
       not on 5,000 pixels of contents; below it nested lists of links. -->
  <xsl:template match="akn:body/akn:*[akn:part | akn:chapter | akn:section | akn:subsection | akn:article]" mode="toc" priority="1">
    <li>
      <details>
        <summary><xsl:call-template name="kop-tekst"/></summary>
        <ol>
          <li><a href="#{@eId}">Begin van <xsl:call-template name="kop-tekst"/></a></li>
          <xsl:apply-templates select="akn:part | akn:chapter | akn:section | akn:subsection | akn:article" mode="toc"/>
        </ol>
      </details>
    </li>
  </xsl:template>

  <xsl:template match="akn:part | akn:chapter | akn:section | akn:subsection | akn:title | akn:book" mode="toc">
    <li>
      <a href="#{@eId}"><xsl:call-template name="kop-tekst"/></a>
      <xsl:if test="akn:part | akn:chapter | akn:section | akn:subsection | akn:article">
        <ol>
          <xsl:apply-templates select="akn:part | akn:chapter | akn:section | akn:subsection | akn:article" mode="toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ============================================ downloads, informatie -->

  <xsl:template name="downloads">
    <p class="downloads">
      <span class="downloads-kop">Downloaden:</span>
      <xsl:text> </xsl:text>
      <a href="verordening.pdf">Verordening als PDF</a>
      <xsl:text> · </xsl:text>
      <a href="verordening.akn.xml">Akoma Ntoso-XML</a>
      <xsl:text> · </xsl:text>
      <a href="raadsbesluit.html">Raadsbesluit</a>
    </p>
  </xsl:template>

  <!-- What wetten.overheid.nl and lokaleregelgeving.overheid.nl show as
       "wetstechnische informatie", collapsed. The delegated rules are found
       in the text: every lid in which the college sets nadere regels or
       beleidsregels ("het college stelt nadere regels", "in/bij nadere
       regels"), not one that only mentions earlier ones. -->
  <xsl:variable name="klein" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="groot" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <xsl:template name="wetstechnische-informatie">
    <details class="wti" id="wetstechnische-informatie">
      <summary>Wetstechnische informatie</summary>
      <dl>
        <dt>Officiële titel</dt>
        <dd><xsl:value-of select="$titel"/></dd>
        <dt>Citeertitel</dt>
        <dd><xsl:value-of select="$citeertitel"/></dd>
        <dt>Status</dt>
        <dd><xsl:call-template name="status-tekst"/></dd>
        <dt>Vastgesteld</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="not($ontwerp) and normalize-space($md/ovc:vastgesteld)">
              <xsl:call-template name="datum">
                <xsl:with-param name="iso" select="normalize-space($md/ovc:vastgesteld)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>nog niet (ontwerp)</xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Inwerkingtreding</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="normalize-space($md/ovc:inwerkingtreding)">
              <xsl:call-template name="datum">
                <xsl:with-param name="iso" select="normalize-space($md/ovc:inwerkingtreding)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>niet vermeld</xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Grondslagen</dt>
        <dd>
          <xsl:variable name="gelet" select="$act/akn:preamble/akn:citations/akn:citation/akn:p[starts-with(normalize-space(.), 'gelet op')]"/>
          <xsl:choose>
            <xsl:when test="$gelet"><xsl:apply-templates select="$gelet/node()"/></xsl:when>
            <xsl:otherwise>niet vermeld</xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Gedelegeerde regelgeving</dt>
        <dd>
          <xsl:variable name="delegatie" select="$act/akn:body//akn:article/akn:paragraph[
            contains(translate(., $groot, $klein), 'college stelt nadere regels') or contains(translate(., $groot, $klein), 'in nadere regels')
            or contains(translate(., $groot, $klein), 'bij nadere regels') or contains(translate(., $groot, $klein), 'college stelt beleidsregels')
            or contains(translate(., $groot, $klein), 'in beleidsregels')]"/>
          <xsl:choose>
            <xsl:when test="$delegatie">
              <ul class="delegatie">
                <xsl:for-each select="$delegatie">
                  <li>
                    <a href="#{@eId}">
                      <xsl:value-of select="normalize-space(../akn:num)"/>
                      <xsl:if test="akn:num">
                        <xsl:text>, lid </xsl:text>
                        <xsl:value-of select="translate(normalize-space(akn:num), '.', '')"/>
                      </xsl:if>
                    </a>
                    <xsl:text>: </xsl:text>
                    <xsl:value-of select="normalize-space(akn:content | akn:intro)"/>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise>geen nadere regels of beleidsregels genoemd</xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Intrekking</dt>
        <dd>
          <xsl:variable name="intrekking" select="($act/akn:body//akn:article[contains(translate(akn:heading, $groot, $klein), 'intrekking')])[1]"/>
          <xsl:choose>
            <xsl:when test="$intrekking">
              <a href="#{$intrekking/@eId}"><xsl:call-template name="kop-tekst-van"><xsl:with-param name="e" select="$intrekking"/></xsl:call-template></a>
              <xsl:text>: </xsl:text>
              <xsl:variable name="lid" select="($intrekking/akn:paragraph)[1]"/>
              <xsl:value-of select="normalize-space($lid/akn:intro | $lid/akn:content)"/>
              <xsl:if test="$lid//akn:point">
                <ul class="delegatie">
                  <xsl:for-each select="$lid/akn:point | $lid/akn:list/akn:point">
                    <li><xsl:value-of select="normalize-space(akn:num)"/><xsl:text> </xsl:text><xsl:value-of select="normalize-space(akn:content | akn:intro)"/></li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise>geen artikel over intrekking</xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
    </details>
  </xsl:template>

  <xsl:template name="kop-tekst-van">
    <xsl:param name="e"/>
    <xsl:for-each select="$e"><xsl:call-template name="kop-tekst"/></xsl:for-each>
  </xsl:template>

  <xsl:template match="akn:article" mode="toc">
    <li><a href="#{@eId}"><xsl:call-template name="kop-tekst"/></a></li>
  </xsl:template>

  <xsl:template match="*" mode="toc"/>

  <!-- "Artikel 7.2 Hulp bij het huishouden" as plain text. -->
  <xsl:template name="kop-tekst">
    <xsl:value-of select="normalize-space(akn:num)"/>
    <xsl:if test="akn:num and akn:heading"><xsl:text> </xsl:text></xsl:if>
    <xsl:value-of select="normalize-space(akn:heading)"/>
  </xsl:template>

  <!-- ========================================================== aanhef -->

  <!-- A heading of its own, so that the aanhef is in the TOC, the
       bookmarks and the structure navigation, as on the official sites. -->
  <xsl:template match="akn:preamble">
    <section class="aanhef" id="aanhef" aria-labelledby="aanhef__kop">
      <h1 id="aanhef__kop">Aanhef</h1>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="akn:preamble/akn:formula">
    <div class="formule formule-{@name}"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- The considerations ("gelezen …", "gelet op …"): paragraphs, as the
       council's text has them; no list markers. -->
  <xsl:template match="akn:preamble/akn:citations">
    <div class="overwegingen">
      <xsl:for-each select="akn:citation">
        <xsl:choose>
          <!-- on screen a long "gelet op" (60 articles of 8 laws) folds
               away, so that a phone reaches the first article -->
          <xsl:when test="not($print) and string-length(normalize-space(.)) &gt; 300">
            <details class="overweging overweging-lang">
              <summary>
                <xsl:value-of select="substring-before(concat(normalize-space(.), ' de '), ' de ')"/>
                <xsl:text> … (</xsl:text>
                <xsl:value-of select="count(.//akn:ref[not(contains(@href, 'artikel='))])"/>
                <xsl:text> wetten, </xsl:text>
                <xsl:value-of select="count(.//akn:ref[contains(@href, 'artikel=')])"/>
                <xsl:text> artikelen)</xsl:text>
              </summary>
              <p><xsl:apply-templates select="akn:p/node()"/></p>
            </details>
          </xsl:when>
          <xsl:otherwise>
            <p class="overweging">
              <xsl:apply-templates select="akn:p/node()"/>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- ====================================================== hierarchy -->

  <xsl:template match="akn:body">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- Heading level of a unit: its depth among the hierarchy, ≤ 4. -->
  <xsl:template name="niveau">
    <xsl:variable name="n" select="count(ancestor-or-self::akn:part | ancestor-or-self::akn:chapter
      | ancestor-or-self::akn:section | ancestor-or-self::akn:subsection
      | ancestor-or-self::akn:title | ancestor-or-self::akn:book | ancestor-or-self::akn:article)"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 4">4</xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kop">
    <xsl:variable name="n"><xsl:call-template name="niveau"/></xsl:variable>
    <xsl:element name="h{$n}">
      <xsl:attribute name="id"><xsl:value-of select="@eId"/>__kop</xsl:attribute>
      <xsl:if test="akn:num">
        <span class="num"><xsl:value-of select="normalize-space(akn:num)"/></span>
        <xsl:if test="akn:heading"><xsl:text> </xsl:text></xsl:if>
      </xsl:if>
      <xsl:apply-templates select="akn:heading/node()"/>
      <xsl:if test="not($print) and self::akn:article">
        <xsl:text> </xsl:text>
        <a class="permalink" href="#{@eId}">
          <span aria-hidden="true">#</span>
          <span class="verborgen">Permanente link naar <xsl:call-template name="num-klein"><xsl:with-param name="num" select="normalize-space(akn:num)"/></xsl:call-template></span>
        </a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="akn:part | akn:chapter | akn:section | akn:subsection | akn:title | akn:book">
    <section id="{@eId}" aria-labelledby="{@eId}__kop">
      <xsl:attribute name="class">
        <xsl:value-of select="local-name()"/>
        <xsl:if test="self::akn:part"> nieuwe-pagina</xsl:if>
      </xsl:attribute>
      <xsl:call-template name="kop"/>
      <xsl:apply-templates select="*[not(self::akn:num or self::akn:heading)]"/>
    </section>
  </xsl:template>

  <!-- ======================================================== articles -->

  <xsl:template match="akn:article">
    <article class="artikel" id="{@eId}" aria-labelledby="{@eId}__kop">
      <xsl:if test="not($print)">
        <p class="kruimelpad-artikel">
          <xsl:for-each select="ancestor::akn:part | ancestor::akn:chapter | ancestor::akn:section | ancestor::akn:subsection | ancestor::akn:title | ancestor::akn:book">
            <a href="#{@eId}"><xsl:value-of select="normalize-space(akn:num)"/></a>
            <xsl:text> › </xsl:text>
          </xsl:for-each>
          <xsl:value-of select="normalize-space(akn:num)"/>
        </p>
      </xsl:if>
      <xsl:call-template name="kop"/>
      <xsl:apply-templates select="akn:hcontainer[@name = 'doel']"/>
      <xsl:choose>
        <xsl:when test="akn:paragraph/akn:num">
          <ol class="leden">
            <xsl:apply-templates select="akn:paragraph"/>
          </ol>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="akn:paragraph"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="akn:hcontainer[@name != 'doel' and @name != 'toelichting' and @name != 'voorInwoners']"/>
      <xsl:if test="not($print)">
        <xsl:call-template name="naar-publieksversie"/>
      </xsl:if>
      <xsl:if test="akn:hcontainer[@name = 'toelichting']">
        <p class="naar-toelichting">
          <a href="#{akn:hcontainer[@name = 'toelichting']/@eId}">
            <xsl:text>Toelichting bij </xsl:text>
            <xsl:call-template name="num-klein">
              <xsl:with-param name="num" select="normalize-space(akn:num)"/>
            </xsl:call-template>
          </a>
        </p>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- The article's citizen text: under the first theme it belongs to in
       publieksversie.html (its ids are THEMA__ARTIKEL). A citizen edition
       with other addresses overrides this template. -->
  <xsl:template name="naar-publieksversie">
    <xsl:variable name="r1" select="substring-before(concat(normalize-space(@refersTo), ' '), ' ')"/>
    <xsl:variable name="thema" select="$act//akn:hcontainer[@name = 'thema'][normalize-space(@refersTo) = $r1]"/>
    <xsl:if test="starts-with($r1, '#thema-') and $thema">
      <p class="naar-publieksversie">
        <a href="publieksversie.html#{$thema/@eId}__{@eId}">
          <xsl:text>Uitleg in gewone taal bij </xsl:text>
          <xsl:call-template name="num-klein">
            <xsl:with-param name="num" select="normalize-space(akn:num)"/>
          </xsl:call-template>
        </a>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="akn:hcontainer[@name = 'doel']" priority="1">
    <div class="doel" id="{@eId}">
      <p class="blok-label">Doel</p>
      <xsl:apply-templates select="akn:content"/>
    </div>
  </xsl:template>

  <!-- A numbered lid: a list item with its hanging number. -->
  <xsl:template match="akn:paragraph[akn:num]">
    <li class="lid" id="{@eId}">
      <span class="lbl">
        <xsl:choose>
          <xsl:when test="$print"><xsl:value-of select="normalize-space(akn:num)"/></xsl:when>
          <xsl:otherwise>
            <!-- the lid's number is its permanent link -->
            <a class="permalink-lid" href="#{@eId}"><xsl:value-of select="normalize-space(akn:num)"/><span class="verborgen"> (permanente link naar <xsl:call-template name="num-klein"><xsl:with-param name="num" select="normalize-space(../akn:num)"/></xsl:call-template>, lid <xsl:value-of select="translate(normalize-space(akn:num), '.', '')"/>)</span></a>
          </xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="lid-inhoud"/>
    </li>
  </xsl:template>

  <!-- An article of one unnumbered lid. -->
  <xsl:template match="akn:paragraph">
    <div class="lid" id="{@eId}">
      <xsl:apply-templates select="akn:content | akn:intro"/>
      <xsl:call-template name="onderdelen"/>
      <xsl:apply-templates select="akn:wrapUp"/>
    </div>
  </xsl:template>

  <xsl:template name="lid-inhoud">
    <xsl:call-template name="inline-eerst">
      <xsl:with-param name="blokken" select="(akn:content | akn:intro)/*"/>
    </xsl:call-template>
    <xsl:call-template name="onderdelen"/>
    <xsl:apply-templates select="akn:wrapUp"/>
  </xsl:template>

  <!-- The points of a lid or point: numbered ones as a list with hanging
       labels (a., 1°.), unnumbered ones (definitions) as a plain list. -->
  <xsl:template name="onderdelen">
    <xsl:variable name="punten" select="akn:point | akn:subparagraph | akn:list/akn:point"/>
    <xsl:if test="$punten">
      <xsl:choose>
        <xsl:when test="$punten/akn:num">
          <ol>
            <xsl:attribute name="class">
              <xsl:choose>
                <xsl:when test="ancestor-or-self::akn:point">subonderdelen</xsl:when>
                <xsl:otherwise>onderdelen</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:apply-templates select="$punten"/>
          </ol>
        </xsl:when>
        <xsl:otherwise>
          <ul class="begrippen"><xsl:apply-templates select="$punten"/></ul>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="akn:point | akn:subparagraph">
    <li id="{@eId}">
      <xsl:if test="akn:num">
        <span class="lbl"><xsl:value-of select="normalize-space(akn:num)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:call-template name="lid-inhoud"/>
    </li>
  </xsl:template>

  <!-- Other named blocks in an article (none in the contract today). -->
  <xsl:template match="akn:article/akn:hcontainer">
    <div class="blok blok-{@name}" id="{@eId}">
      <xsl:apply-templates select="akn:content"/>
    </div>
  </xsl:template>

  <!-- ===================================================== conclusions -->

  <xsl:template match="akn:conclusions">
    <section class="slot" id="slotformule" aria-labelledby="slotformule__kop">
      <h1 id="slotformule__kop">Ondertekening</h1>
      <div class="ondertekening">
        <xsl:apply-templates select="*[not(akn:signature)]"/>
        <xsl:call-template name="handtekeningen"/>
      </div>
    </section>
  </xsl:template>

  <!-- ===================================================== toelichting -->

  <xsl:template name="toelichting">
    <xsl:variable name="algemeen" select="$act/akn:attachments/akn:attachment/akn:doc[@name = 'toelichting']/akn:mainBody"/>
    <xsl:variable name="artikelen" select="$act/akn:body//akn:article[akn:hcontainer[@name = 'toelichting']]"/>
    <xsl:if test="$algemeen/* or $artikelen">
      <section class="toelichting nieuwe-pagina" id="att_toelichting" aria-labelledby="att_toelichting__kop">
        <h1 id="att_toelichting__kop">Toelichting</h1>
        <xsl:if test="$algemeen/*">
          <section class="algemene-toelichting" id="toelichting_algemeen" aria-labelledby="toelichting_algemeen__kop">
            <h2 id="toelichting_algemeen__kop">Algemene toelichting</h2>
            <xsl:apply-templates select="$algemeen/*" mode="toelichting">
              <xsl:with-param name="niveau" select="3"/>
            </xsl:apply-templates>
          </section>
        </xsl:if>
        <xsl:if test="$artikelen">
          <section class="artikelsgewijze-toelichting" id="toelichting_artikelen" aria-labelledby="toelichting_artikelen__kop">
            <h2 id="toelichting_artikelen__kop">Artikelsgewijze toelichting</h2>
            <xsl:for-each select="$artikelen">
              <xsl:variable name="t" select="akn:hcontainer[@name = 'toelichting']"/>
              <section class="artikel-toelichting" id="{$t/@eId}" aria-labelledby="{$t/@eId}__kop">
                <h3 id="{$t/@eId}__kop">
                  <a href="#{@eId}"><xsl:call-template name="kop-tekst"/></a>
                </h3>
                <xsl:apply-templates select="$t/akn:content"/>
              </section>
            </xsl:for-each>
          </section>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A section of the algemene toelichting: heading at $niveau (≤ 4). -->
  <xsl:template match="akn:hcontainer" mode="toelichting">
    <xsl:param name="niveau"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$niveau &gt; 4">4</xsl:when>
        <xsl:otherwise><xsl:value-of select="$niveau"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="sectie" id="{@eId}">
      <xsl:if test="akn:heading">
        <xsl:attribute name="aria-labelledby"><xsl:value-of select="@eId"/>__kop</xsl:attribute>
        <xsl:element name="h{$n}">
          <xsl:attribute name="id"><xsl:value-of select="@eId"/>__kop</xsl:attribute>
          <xsl:apply-templates select="akn:heading/node()"/>
        </xsl:element>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::akn:heading or self::akn:num)]" mode="toelichting">
        <xsl:with-param name="niveau" select="$niveau + 1"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <xsl:template match="*" mode="toelichting">
    <xsl:apply-templates select="."/>
  </xsl:template>

</xsl:stylesheet>
