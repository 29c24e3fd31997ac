<?xml version="1.0" encoding="UTF-8"?>
<!--
  The citizen edition (out/publieksversie.html), in the omgekeerd order:

  1. "Wat wilt u?": the life themes (attachment doc[@name='themas']) with
     their illustrations, as a menu;
  2. one section per theme: the articles tagged #thema-<id>, each with its
     Voor inwoners text and illustration, what the resident may expect
     (the Doel), law labels, and "Dit staat in artikel 7.2" linking to
     verordening.html#art_7.2;
  3. "Zo vraagt u hulp": the articles tagged #stap-<id>, in the order
     melding, gesprek, aanvraag, besluit, bezwaar;
  4. the woordenlijst from the begrippen article(s);
  5. "Over deze tekst": status, version, date and the link to the legal text.

  Headings: h1 title; h2 sections and themes; h3 articles and steps; h4
  articles within a step.

  xsltproc -\-stringparam medium screen stylesheets/publieksversie.xsl out/verordening.akn.xml
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ovc="https://ovc.nl/ns/1"
  xmlns:exsl="http://exslt.org/common"
  extension-element-prefixes="exsl"
  exclude-result-prefixes="akn ovc exsl">

  <xsl:import href="common.xsl"/>

  <!-- The legal edition, relative to this page. -->
  <xsl:param name="verordening-href" select="'verordening.html'"/>
  <!-- Internal citations in citizen texts point into the legal edition. -->
  <xsl:param name="intern-basis" select="$verordening-href"/>

  <xsl:variable name="themas" select="$act/akn:attachments/akn:attachment/akn:doc[@name = 'themas']/akn:mainBody/akn:hcontainer[@name = 'thema']"/>
  <xsl:variable name="artikelen" select="$act/akn:body//akn:article"/>
  <xsl:variable name="begrippen" select="$artikelen[@ovc:type = 'begrippen']//akn:def"/>

  <!-- The steps of asking for help, in this order, with their B1 titles. -->
  <xsl:variable name="stappen-rtf">
    <stap id="melding">U meldt uw vraag</stap>
    <stap id="gesprek">Het gesprek</stap>
    <stap id="aanvraag">U vraagt hulp aan</stap>
    <stap id="besluit">De gemeente beslist</stap>
    <stap id="bezwaar">Bent u het niet eens?</stap>
  </xsl:variable>
  <!-- Only the steps that some article is tagged with. -->
  <xsl:variable name="stappen-aanwezig-rtf">
    <xsl:for-each select="exsl:node-set($stappen-rtf)/*">
      <xsl:variable name="id" select="@id"/>
      <xsl:if test="$artikelen[contains(concat(' ', normalize-space(@refersTo), ' '), concat(' #stap-', $id, ' '))]">
        <xsl:copy-of select="."/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="stappen" select="exsl:node-set($stappen-aanwezig-rtf)/*"/>

  <xsl:template match="/">
    <html lang="nl">
      <xsl:call-template name="head">
        <xsl:with-param name="stijl" select="'publieksversie'"/>
        <xsl:with-param name="paginatitel" select="concat('Hulp en ondersteuning van de gemeente ', $gemeente)"/>
        <xsl:with-param name="onderwerp" select="concat('Uitleg in gewone taal bij de ', $citeertitel)"/>
      </xsl:call-template>
      <body class="publieksversie">
        <xsl:call-template name="skiplink"/>
        <xsl:if test="not($print)">
          <header class="paginakop">
            <p class="paginakop-gemeente">Gemeente <xsl:value-of select="$gemeente"/></p>
            <xsl:if test="$themas or $stappen or $begrippen">
            <nav class="paginakop-nav" aria-label="Snel naar">
              <ul>
                <xsl:if test="$themas"><li><a href="#wat-wilt-u">Wat wilt u?</a></li></xsl:if>
                <xsl:if test="$stappen"><li><a href="#zo-vraagt-u-hulp">Zo vraagt u hulp</a></li></xsl:if>
                <xsl:if test="$begrippen"><li><a href="#woordenlijst">Woordenlijst</a></li></xsl:if>
              </ul>
            </nav>
            </xsl:if>
          </header>
        </xsl:if>
        <main id="inhoud">
          <section class="titelpagina" aria-labelledby="titel">
            <h1 id="titel">Hulp en ondersteuning van de gemeente <xsl:value-of select="$gemeente"/></h1>
            <p class="inleiding">
              <xsl:text>Hier leest u in gewone taal wat de gemeente voor u kan doen. De regels staan in de </xsl:text>
              <a href="{$verordening-href}"><xsl:value-of select="$citeertitel"/></a>
              <xsl:text>.</xsl:text>
            </p>
            <xsl:call-template name="ontwerp-melding">
              <xsl:with-param name="tekst">Deze tekst is nog niet klaar. De gemeenteraad moet de regels nog vaststellen.</xsl:with-param>
            </xsl:call-template>
          </section>
          <xsl:if test="$print"><nav class="toc"></nav></xsl:if>
          <xsl:call-template name="wat-wilt-u"/>
          <xsl:apply-templates select="$themas"/>
          <xsl:call-template name="zo-vraagt-u-hulp"/>
          <xsl:call-template name="woordenlijst"/>
          <xsl:call-template name="over-deze-tekst"/>
        </main>
        <xsl:if test="not($print)">
          <footer class="paginavoet">
            <p>
              <xsl:text>Gemeente </xsl:text>
              <xsl:value-of select="$gemeente"/>
              <xsl:text> · Publieksversie · </xsl:text>
              <xsl:call-template name="status-tekst"/>
            </p>
            <p><a href="{$verordening-href}">De officiële tekst van de regels</a></p>
          </footer>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- ===================================================== Wat wilt u? -->

  <xsl:template name="wat-wilt-u">
    <xsl:if test="$themas">
      <xsl:call-template name="wat-wilt-u-menu"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="wat-wilt-u-menu">
    <xsl:variable name="inhoud">
      <h2 id="wat-wilt-u">Wat wilt u?</h2>
      <p>Kies het onderwerp dat bij uw vraag past.</p>
      <xsl:choose>
        <xsl:when test="$print">
          <div class="themakaarten">
            <xsl:for-each select="$themas">
              <div class="themakaart"><xsl:call-template name="themakaart"/></div>
            </xsl:for-each>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <ul class="themakaarten">
            <xsl:for-each select="$themas">
              <li class="themakaart"><xsl:call-template name="themakaart"/></li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$print">
        <section class="wat-wilt-u" aria-labelledby="wat-wilt-u"><xsl:copy-of select="$inhoud"/></section>
      </xsl:when>
      <xsl:otherwise>
        <nav class="wat-wilt-u" aria-labelledby="wat-wilt-u"><xsl:copy-of select="$inhoud"/></nav>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A card of the menu: the theme's illustration and its title. -->
  <xsl:template name="themakaart">
    <xsl:apply-templates select="(akn:content//akn:img)[1]" mode="figuur"/>
    <h3 data-outline="0" id="{@eId}__kaart">
      <a href="#{@eId}"><xsl:value-of select="normalize-space(akn:heading)"/></a>
    </h3>
  </xsl:template>

  <!-- ========================================================== themes -->

  <xsl:template match="akn:hcontainer[@name = 'thema']">
    <xsl:variable name="r" select="concat(' ', normalize-space(@refersTo), ' ')"/>
    <xsl:variable name="thema" select="@eId"/>
    <section class="thema nieuwe-pagina" id="{@eId}" aria-labelledby="{@eId}__kop">
      <h2 id="{@eId}__kop"><xsl:apply-templates select="akn:heading/node()"/></h2>
      <!-- The introduction; the illustration is on the card above. -->
      <xsl:for-each select="akn:content/*">
        <xsl:choose>
          <xsl:when test="self::akn:p and akn:img and normalize-space(.) = ''"/>
          <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:variable name="regels" select="$artikelen[normalize-space($r) != '' and contains(concat(' ', normalize-space(@refersTo), ' '), $r)]"/>
      <xsl:if test="not($regels)">
        <p class="leeg">Over dit onderwerp staan nog geen regels in deze tekst.</p>
      </xsl:if>
      <xsl:for-each select="$regels">
        <xsl:call-template name="regel">
          <xsl:with-param name="id" select="concat($thema, '__', @eId)"/>
          <xsl:with-param name="niveau" select="3"/>
        </xsl:call-template>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- One article as a resident reads it. $id: its id on this page (an
       article may appear under several themes and a step). -->
  <xsl:template name="regel">
    <xsl:param name="id"/>
    <xsl:param name="niveau"/>
    <xsl:variable name="inwoners" select="akn:hcontainer[@name = 'voorInwoners']"/>
    <article class="regel" id="{$id}" aria-labelledby="{$id}__kop">
      <xsl:element name="h{$niveau}">
        <xsl:attribute name="id"><xsl:value-of select="$id"/>__kop</xsl:attribute>
        <xsl:apply-templates select="akn:heading/node()"/>
      </xsl:element>
      <xsl:call-template name="wet-labels">
        <xsl:with-param name="artikel" select="."/>
      </xsl:call-template>
      <xsl:if test="$inwoners">
        <div class="inwoners">
          <xsl:apply-templates select="$inwoners/akn:content"/>
        </div>
      </xsl:if>
      <xsl:if test="akn:hcontainer[@name = 'doel']">
        <div class="doel">
          <p class="blok-label">Wat de regel wil bereiken</p>
          <xsl:apply-templates select="akn:hcontainer[@name = 'doel']/akn:content"/>
        </div>
      </xsl:if>
      <p class="bron">
        <xsl:text>Dit staat in </xsl:text>
        <a href="{$verordening-href}#{@eId}">
          <xsl:call-template name="num-klein">
            <xsl:with-param name="num" select="normalize-space(akn:num)"/>
          </xsl:call-template>
        </a>
        <xsl:text>.</xsl:text>
      </p>
    </article>
  </xsl:template>

  <!-- ================================================ Zo vraagt u hulp -->

  <xsl:template name="zo-vraagt-u-hulp">
    <xsl:if test="$stappen">
      <section class="stappen nieuwe-pagina" id="zo-vraagt-u-hulp" aria-labelledby="zo-vraagt-u-hulp__kop">
        <h2 id="zo-vraagt-u-hulp__kop">Zo vraagt u hulp</h2>
        <p>Zo gaat het als u hulp vraagt aan de gemeente. Het gaat in <xsl:value-of select="count($stappen)"/> stappen.</p>
        <div class="stappenlijst">
          <xsl:for-each select="$stappen">
            <xsl:variable name="id" select="@id"/>
            <xsl:variable name="nr" select="position()"/>
            <xsl:variable name="stapartikelen" select="$artikelen[contains(concat(' ', normalize-space(@refersTo), ' '), concat(' #stap-', $id, ' '))]"/>
            <section class="stap" id="stap_{$id}" aria-labelledby="stap_{$id}__kop">
              <h3 id="stap_{$id}__kop">
                <span class="stapnummer">Stap <xsl:value-of select="$nr"/>.</span>
                <xsl:text> </xsl:text>
                <xsl:value-of select="."/>
              </h3>
              <xsl:for-each select="$stapartikelen">
                <xsl:call-template name="regel">
                  <xsl:with-param name="id" select="concat('stap_', $id, '__', @eId)"/>
                  <xsl:with-param name="niveau" select="4"/>
                </xsl:call-template>
              </xsl:for-each>
            </section>
          </xsl:for-each>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ==================================================== woordenlijst -->

  <xsl:template name="woordenlijst">
    <xsl:if test="$begrippen">
      <section class="woordenlijst nieuwe-pagina" id="woordenlijst" aria-labelledby="woordenlijst__kop">
        <h2 id="woordenlijst__kop">Woordenlijst</h2>
        <p>Wat betekenen de woorden in deze tekst?</p>
        <dl class="begrippenlijst">
          <xsl:for-each select="$begrippen">
            <xsl:sort select="translate(normalize-space(.), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
            <dt><xsl:apply-templates select="."/></dt>
            <dd><xsl:call-template name="definitie"/></dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The definition after "term:" in the same p, then any further blocks
       and sub-points of its entry. A closing ";" becomes ".". -->
  <xsl:template name="definitie">
    <xsl:variable name="na" select="following-sibling::node()"/>
    <xsl:for-each select="$na">
      <xsl:choose>
        <xsl:when test="self::text()">
          <xsl:variable name="t">
            <xsl:choose>
              <xsl:when test="position() = 1 and starts-with(normalize-space(.), ':')">
                <xsl:value-of select="substring-after(., ':')"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="n" select="normalize-space($t)"/>
          <xsl:choose>
            <xsl:when test="position() = last() and substring($n, string-length($n)) = ';'">
              <xsl:if test="position() &gt; 1 and starts-with(translate($t, '&#9;&#10;&#13;', '   '), ' ')">
                <xsl:text> </xsl:text>
              </xsl:if>
              <xsl:value-of select="concat(substring($n, 1, string-length($n) - 1), '.')"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:variable name="p" select=".."/>
    <xsl:apply-templates select="$p/following-sibling::*"/>
    <xsl:variable name="punten" select="$p/../../akn:point"/>
    <xsl:if test="$punten">
      <ul>
        <xsl:for-each select="$punten">
          <li>
            <xsl:if test="akn:num"><xsl:value-of select="normalize-space(akn:num)"/><xsl:text> </xsl:text></xsl:if>
            <xsl:call-template name="inline-eerst">
              <xsl:with-param name="blokken" select="(akn:content | akn:intro)/*"/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- In this edition a term links to the woordenlijst, when it is there. -->
  <xsl:template match="akn:term">
    <xsl:variable name="r" select="normalize-space(@refersTo)"/>
    <xsl:choose>
      <xsl:when test="starts-with($r, '#') and key('def', $r)[ancestor::akn:article[@ovc:type = 'begrippen']]">
        <a class="term" href="{$r}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><span class="term"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================ Over deze tekst -->

  <xsl:template name="over-deze-tekst">
    <section class="over" id="over-deze-tekst" aria-labelledby="over-deze-tekst__kop">
      <h2 id="over-deze-tekst__kop">Over deze tekst</h2>
      <p>
        <xsl:text>Deze uitleg hoort bij de </xsl:text>
        <a href="{$verordening-href}"><xsl:value-of select="$citeertitel"/></a>
        <xsl:text>. De gemeenteraad stelt de regels vast, niet deze uitleg. Staat er in de uitleg iets anders dan in de regels? Dan gelden de regels.</xsl:text>
      </p>
      <p class="status"><xsl:call-template name="status-tekst"/></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
