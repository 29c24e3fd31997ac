<?xml version="1.0" encoding="UTF-8"?>
<!--
  The raadsbesluit (out/raadsbesluit.html and .pdf): the decision the
  council signs to adopt the ordinance. Its heading with the number and
  date of the proposal (front matter voorstelnummer, voorstel), the
  aanhef ("De raad van de gemeente …; gelezen …; gelet op …"), the
  decision itself with a link to the ordinance it adopts, and the
  ondertekening by voorzitter and griffier with room to sign.

  Headings: h1 Raadsbesluit; h2 Aanhef, Besluit, Ondertekening.

  xsltproc -\-stringparam medium screen stylesheets/raadsbesluit.xsl out/verordening.akn.xml
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ovc="https://ovc.nl/ns/1"
  exclude-result-prefixes="akn ovc">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="voorstelnummer" select="normalize-space($md/ovc:voorstelnummer)"/>

  <xsl:template match="/">
    <html lang="nl">
      <xsl:call-template name="head">
        <xsl:with-param name="stijl" select="'verordening'"/>
        <xsl:with-param name="paginatitel" select="concat('Raadsbesluit: vaststelling van de ', $titel)"/>
        <xsl:with-param name="onderwerp" select="concat('Besluit van de raad van de gemeente ', $gemeente)"/>
      </xsl:call-template>
      <body class="raadsbesluit">
        <xsl:call-template name="skiplink"/>
        <xsl:if test="not($print)">
          <header class="paginakop">
            <p class="paginakop-gemeente">Gemeente <xsl:value-of select="$gemeente"/></p>
            <p class="paginakop-status"><xsl:call-template name="status-tekst"/></p>
          </header>
        </xsl:if>
        <main id="inhoud">
          <xsl:call-template name="kop"/>
          <xsl:apply-templates select="$act/akn:preamble"/>
          <xsl:call-template name="ondertekening"/>
        </main>
        <xsl:if test="not($print)">
          <footer class="paginavoet">
            <p><a href="verordening.html">De verordening (juridische tekst)</a></p>
          </footer>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- Title and the facts of the proposal. -->
  <xsl:template name="kop">
    <p class="besluit-orgaan">De raad van de gemeente <xsl:value-of select="$gemeente"/></p>
    <h1 id="titel">Raadsbesluit</h1>
    <dl class="besluit-gegevens">
      <dt>Onderwerp</dt>
      <dd>Vaststelling van de <xsl:call-template name="titel-onafgebroken"/></dd>
      <dt>Raadsvoorstel</dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$voorstelnummer"><xsl:value-of select="$voorstelnummer"/></xsl:when>
          <xsl:otherwise>[nummer]</xsl:otherwise>
        </xsl:choose>
        <xsl:text> van </xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space($md/ovc:voorstel)">
            <xsl:call-template name="datum">
              <xsl:with-param name="iso" select="normalize-space($md/ovc:voorstel)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>[datum]</xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt>Status</dt>
      <dd><xsl:call-template name="status-tekst"/></dd>
    </dl>
    <xsl:call-template name="ontwerp-melding">
      <xsl:with-param name="tekst">Dit is het ontwerp van het besluit; de raad heeft nog niet besloten.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The aanhef as the council reads it, then the decision. -->
  <xsl:template match="akn:preamble">
    <section class="aanhef" id="aanhef" aria-labelledby="aanhef__kop">
      <h2 id="aanhef__kop">Aanhef</h2>
      <xsl:for-each select="akn:formula[@name = 'aanhef']/akn:p | akn:citations/akn:citation/akn:p">
        <p class="overweging"><xsl:apply-templates/></p>
      </xsl:for-each>
    </section>
    <section class="besluit" id="besluit" aria-labelledby="besluit__kop">
      <h2 id="besluit__kop">Besluit</h2>
      <xsl:for-each select="akn:formula[@name != 'aanhef']/akn:p">
        <p><xsl:apply-templates/></p>
      </xsl:for-each>
      <p>
        <xsl:text>De verordening is als bijlage bij dit besluit gevoegd: </xsl:text>
        <a href="verordening.html"><xsl:value-of select="$citeertitel"/></a>
        <xsl:text>.</xsl:text>
      </p>
    </section>
  </xsl:template>

  <xsl:template name="ondertekening">
    <section class="slot" id="slotformule" aria-labelledby="slotformule__kop">
      <h2 id="slotformule__kop">Ondertekening</h2>
      <div class="ondertekening">
        <xsl:apply-templates select="$act/akn:conclusions/*[not(akn:signature)]"/>
        <xsl:call-template name="handtekeningen"/>
      </div>
    </section>
  </xsl:template>

</xsl:stylesheet>
