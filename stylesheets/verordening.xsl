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
          <xsl:call-template name="titelpagina"/>
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
      <h1 id="titel"><xsl:value-of select="$titel"/></h1>
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
          <ol class="toc-lijst">
            <xsl:apply-templates select="$act/akn:body/*" mode="toc"/>
            <xsl:if test="$act/akn:conclusions">
              <li><a href="#slotformule">Ondertekening</a></li>
            </xsl:if>
            <xsl:if test="$act/akn:attachments/akn:attachment/akn:doc[@name = 'toelichting'] or $act/akn:body//akn:hcontainer[@name = 'toelichting']">
              <li><a href="#att_toelichting">Toelichting</a></li>
            </xsl:if>
          </ol>
        </nav>
      </xsl:otherwise>
    </xsl:choose>
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

  <xsl:template match="akn:preamble">
    <section class="aanhef" id="aanhef" aria-label="Aanhef">
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="akn:preamble/akn:formula">
    <div class="formule formule-{@name}"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- The considerations ("gelezen …", "gelet op …") are a list. -->
  <xsl:template match="akn:preamble/akn:citations">
    <ul class="overwegingen">
      <xsl:for-each select="akn:citation">
        <li>
          <xsl:call-template name="inline-eerst">
            <xsl:with-param name="blokken" select="*"/>
          </xsl:call-template>
        </li>
      </xsl:for-each>
    </ul>
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

  <xsl:template match="akn:hcontainer[@name = 'doel']" priority="1">
    <div class="doel" id="{@eId}">
      <p class="blok-label">Doel</p>
      <xsl:apply-templates select="akn:content"/>
    </div>
  </xsl:template>

  <!-- A numbered lid: a list item with its hanging number. -->
  <xsl:template match="akn:paragraph[akn:num]">
    <li class="lid" id="{@eId}">
      <span class="lbl"><xsl:value-of select="normalize-space(akn:num)"/></span>
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

  <!-- A bijlage of a regulation in opbouw: vrij: a numbered section of text. -->
  <xsl:template match="akn:body/akn:hcontainer[@name = 'bijlage']">
    <section class="bijlage" id="{@eId}" aria-labelledby="{@eId}__kop">
      <h1 id="{@eId}__kop">
        <span class="num"><xsl:value-of select="normalize-space(akn:num)"/></span>
        <xsl:if test="akn:heading"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="akn:heading/node()"/>
      </h1>
      <xsl:apply-templates select="akn:content"/>
    </section>
  </xsl:template>

  <xsl:template match="akn:body/akn:hcontainer[@name = 'bijlage']" mode="toc">
    <li><a href="#{@eId}"><xsl:call-template name="kop-tekst"/></a></li>
  </xsl:template>

  <!-- ===================================================== conclusions -->

  <xsl:template match="akn:conclusions">
    <section class="slot" id="slotformule" aria-label="Slotformule en ondertekening">
      <xsl:apply-templates select="*[not(akn:signature)]"/>
      <xsl:if test="akn:p[akn:signature]">
        <div class="ondertekening">
          <xsl:for-each select="akn:p[akn:signature]">
            <p class="handtekening">
              <xsl:for-each select="akn:signature">
                <xsl:apply-templates select="akn:role"/>
                <br/>
                <xsl:apply-templates select="node()[not(self::akn:role)][not(self::text() and normalize-space(.) = '')]"/>
              </xsl:for-each>
            </p>
          </xsl:for-each>
        </div>
      </xsl:if>
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
