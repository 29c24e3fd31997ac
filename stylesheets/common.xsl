<?xml version="1.0" encoding="UTF-8"?>
<!--
  Templates shared by verordening.xsl (legal edition) and
  publieksversie.xsl (citizen edition): head, metadata, dates, inline
  elements, blocks, links and illustrations.

  Input: the Akoma Ntoso 3.0 IR described in docs/akn.md.
  Output: XHTML (namespace http://www.w3.org/1999/xhtml), serialised as
  XML that is also valid HTML5: no empty non-void element is ever written,
  no XML declaration, the HTML5 doctype. With medium=print the output
  stays inside the closed subset of docs/print-xhtml.md.

  Safety: every text goes through the serializer (escaped); elements of the
  source are never copied, only mapped one by one; hrefs are limited to
  "#…", https:, http: and mailto:, image sources to relative paths.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:ovc="https://ovc.nl/ns/1"
  xmlns:str="http://exslt.org/strings"
  xmlns:exsl="http://exslt.org/common"
  extension-element-prefixes="str exsl"
  exclude-result-prefixes="akn ovc str exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"
    omit-xml-declaration="yes" doctype-system="about:legacy-compat"/>

  <!-- Whitespace-only text in structural elements is layout of the XML
       file; in mixed content (p, li, inline elements) it is a word space. -->
  <xsl:strip-space elements="akn:akomaNtoso akn:act akn:meta akn:preface
    akn:preamble akn:citations akn:citation akn:formula akn:body akn:part
    akn:chapter akn:section akn:subsection akn:article akn:paragraph
    akn:subparagraph akn:point akn:list akn:content akn:intro akn:wrapUp
    akn:hcontainer akn:conclusions akn:attachments akn:attachment akn:doc
    akn:mainBody akn:ul akn:ol akn:table akn:tr"/>

  <!-- screen | print -->
  <xsl:param name="medium" select="'screen'"/>
  <xsl:variable name="print" select="$medium = 'print'"/>

  <xsl:variable name="act" select="/akn:akomaNtoso/akn:act"/>
  <xsl:variable name="md" select="$act/akn:meta/akn:proprietary/ovc:metadata"/>
  <xsl:variable name="status" select="normalize-space($md/ovc:status)"/>
  <xsl:variable name="ontwerp" select="$status != 'vastgesteld'"/>
  <xsl:variable name="gemeente" select="normalize-space($md/ovc:gemeente)"/>
  <xsl:variable name="titel">
    <xsl:choose>
      <xsl:when test="normalize-space($md/ovc:titel)">
        <xsl:value-of select="normalize-space($md/ovc:titel)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space($act/akn:preface//akn:docTitle)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="citeertitel">
    <xsl:choose>
      <xsl:when test="normalize-space($md/ovc:citeertitel)">
        <xsl:value-of select="normalize-space($md/ovc:citeertitel)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$titel"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- The date of this text: adoption once adopted, else the version. -->
  <xsl:variable name="datum">
    <xsl:choose>
      <xsl:when test="not($ontwerp) and $md/ovc:vastgesteld">
        <xsl:value-of select="normalize-space($md/ovc:vastgesteld)"/>
      </xsl:when>
      <xsl:when test="$act/akn:meta/akn:identification/akn:FRBRExpression/akn:FRBRdate">
        <xsl:value-of select="$act/akn:meta/akn:identification/akn:FRBRExpression/akn:FRBRdate/@date"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($md/ovc:voorstel)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:key name="def" match="akn:def" use="@refersTo"/>

  <!-- ============================================================ head -->

  <!-- The <head>. $stijl: verordening | publieksversie; $paginatitel. -->
  <xsl:template name="head">
    <xsl:param name="stijl"/>
    <xsl:param name="paginatitel"/>
    <xsl:param name="onderwerp"/>
    <head>
      <xsl:if test="not($print)">
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
      </xsl:if>
      <title>
        <xsl:value-of select="$paginatitel"/>
        <xsl:if test="$ontwerp"> (ontwerp)</xsl:if>
      </title>
      <meta name="author" content="Gemeente {$gemeente}"/>
      <meta name="subject" content="{$onderwerp}"/>
      <meta name="keywords">
        <xsl:attribute name="content">
          <xsl:text>sociaal domein, </xsl:text>
          <xsl:value-of select="$gemeente"/>
          <xsl:for-each select="$act/akn:meta/akn:references/akn:TLCConcept[starts-with(@eId, 'wet-')]">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@showAs"/>
          </xsl:for-each>
        </xsl:attribute>
      </meta>
      <meta name="ovc-status" content="{$status}"/>
      <meta name="ovc-versie" content="{normalize-space($md/ovc:versie)}"/>
      <meta name="ovc-datum" content="{$datum}"/>
      <meta name="ovc-stijl" content="{$stijl}"/>
      <xsl:if test="not($print)">
        <link rel="stylesheet" href="basis.css"/>
        <link rel="stylesheet" href="{$stijl}.css"/>
      </xsl:if>
    </head>
  </xsl:template>

  <!-- "Ontwerp · versie 0.9 · 1 oktober 2026" -->
  <xsl:template name="status-tekst">
    <xsl:choose>
      <xsl:when test="$ontwerp">Ontwerp</xsl:when>
      <xsl:otherwise>Vastgesteld</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space($md/ovc:versie)">
      <xsl:text> · versie </xsl:text>
      <xsl:value-of select="normalize-space($md/ovc:versie)"/>
    </xsl:if>
    <xsl:if test="string($datum)">
      <xsl:text> · </xsl:text>
      <xsl:call-template name="datum">
        <xsl:with-param name="iso" select="$datum"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The visible draft marking (both media, while status is not
       vastgesteld). $tekst: the sentence for this audience. -->
  <xsl:template name="ontwerp-melding">
    <xsl:param name="tekst"/>
    <xsl:if test="$ontwerp">
      <div class="ontwerp-melding" role="note">
        <p><strong>Ontwerp.</strong><xsl:text> </xsl:text><xsl:value-of select="$tekst"/></p>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Skip link (screen only; the first focusable element). -->
  <xsl:template name="skiplink">
    <xsl:if test="not($print)">
      <a class="skiplink" href="#inhoud">Direct naar de inhoud</a>
    </xsl:if>
  </xsl:template>

  <!-- The title with the municipality's name unbroken ("Den Helder"). -->
  <xsl:template name="titel-onafgebroken">
    <xsl:choose>
      <xsl:when test="$gemeente and contains($titel, $gemeente)">
        <xsl:value-of select="substring-before($titel, $gemeente)"/>
        <xsl:value-of select="translate($gemeente, ' ', '&#160;')"/>
        <xsl:value-of select="substring-after($titel, $gemeente)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$titel"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The signatures of the conclusions: each role, room to sign (class
       tekenruimte: the typesetter leaves space above), the name. -->
  <xsl:template name="handtekeningen">
    <xsl:for-each select="$act/akn:conclusions/akn:p/akn:signature">
      <div class="handtekening">
        <p class="rol"><xsl:apply-templates select="akn:role/node()"/></p>
        <p class="tekenruimte naam">
          <xsl:apply-templates select="node()[not(self::akn:role)][not(self::text() and normalize-space(.) = '')]"/>
        </p>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ dates -->

  <!-- 2026-10-01 → 1 oktober 2026; anything else is written as it is. -->
  <xsl:template name="datum">
    <xsl:param name="iso"/>
    <xsl:variable name="y" select="substring($iso, 1, 4)"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 10 and $m &gt;= 1 and $m &lt;= 12 and $d &gt;= 1 and $d &lt;= 31">
        <xsl:value-of select="$d"/>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$m = 1">januari</xsl:when>
          <xsl:when test="$m = 2">februari</xsl:when>
          <xsl:when test="$m = 3">maart</xsl:when>
          <xsl:when test="$m = 4">april</xsl:when>
          <xsl:when test="$m = 5">mei</xsl:when>
          <xsl:when test="$m = 6">juni</xsl:when>
          <xsl:when test="$m = 7">juli</xsl:when>
          <xsl:when test="$m = 8">augustus</xsl:when>
          <xsl:when test="$m = 9">september</xsl:when>
          <xsl:when test="$m = 10">oktober</xsl:when>
          <xsl:when test="$m = 11">november</xsl:when>
          <xsl:otherwise>december</xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$y"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ links -->

  <!-- Is $href a link we write? "#…", https:, http:, mailto: only. -->
  <xsl:template name="href-ok">
    <xsl:param name="href"/>
    <xsl:if test="(starts-with($href, '#') and string-length($href) &gt; 1)
                  or starts-with($href, 'https://') or starts-with($href, 'http://')
                  or starts-with($href, 'mailto:')">1</xsl:if>
  </xsl:template>

  <!-- Where an internal "#eId" points from this edition. The legal edition
       overrides nothing; the citizen edition sets $intern-basis to
       "verordening.html" so every citation lands in the legal text. -->
  <xsl:param name="intern-basis" select="''"/>

  <xsl:template name="link">
    <xsl:param name="href"/>
    <xsl:param name="class"/>
    <xsl:variable name="ok">
      <xsl:call-template name="href-ok">
        <xsl:with-param name="href" select="$href"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ok = '1'">
        <a>
          <xsl:attribute name="href">
            <xsl:if test="starts-with($href, '#')"><xsl:value-of select="$intern-basis"/></xsl:if>
            <xsl:value-of select="$href"/>
          </xsl:attribute>
          <xsl:if test="string($class)"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="{$class}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A reference inside its own article ("het eerste lid", "dit
       artikel") is class "ref zelf": print sets it unmarked. -->
  <xsl:template match="akn:ref">
    <xsl:variable name="art" select="ancestor::akn:article[1]/@eId"/>
    <xsl:variable name="doel" select="substring(normalize-space(@href), 2)"/>
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="normalize-space(@href)"/>
      <xsl:with-param name="class">
        <xsl:choose>
          <xsl:when test="$art and ($doel = $art or starts-with($doel, concat($art, '__')))">ref zelf</xsl:when>
          <xsl:when test="starts-with(normalize-space(@href), '#')">ref</xsl:when>
          <xsl:otherwise>ref extern</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="akn:a">
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="normalize-space(@href)"/>
      <xsl:with-param name="class" select="'extern'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A defined term links to its definition (legal edition) or to the
       woordenlijst (citizen edition); both carry id="term-…". -->
  <xsl:template match="akn:term">
    <xsl:variable name="r" select="normalize-space(@refersTo)"/>
    <xsl:choose>
      <xsl:when test="starts-with($r, '#') and key('def', $r)">
        <a class="term" href="{$r}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><span class="term"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The defining occurrence: the first def of a term carries its id. -->
  <xsl:template match="akn:def">
    <xsl:variable name="r" select="normalize-space(@refersTo)"/>
    <dfn>
      <xsl:if test="starts-with($r, '#') and generate-id(key('def', $r)[1]) = generate-id()">
        <xsl:attribute name="id"><xsl:value-of select="substring($r, 2)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </dfn>
  </xsl:template>

  <!-- ============================================================ inline -->

  <xsl:template match="akn:i | akn:em">
    <em><xsl:apply-templates/></em>
  </xsl:template>
  <xsl:template match="akn:b | akn:strong">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>
  <xsl:template match="akn:span[@class = 'code']">
    <code><xsl:apply-templates/></code>
  </xsl:template>
  <xsl:template match="akn:sub"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="akn:sup"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="akn:abbr">
    <abbr>
      <xsl:if test="@title"><xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </abbr>
  </xsl:template>
  <xsl:template match="akn:eol | akn:br"><br/></xsl:template>
  <xsl:template match="akn:date">
    <xsl:choose>
      <xsl:when test="$print"><span class="datum"><xsl:apply-templates/></span></xsl:when>
      <xsl:otherwise><time datetime="{@date}"><xsl:apply-templates/></time></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="akn:signature"><xsl:apply-templates/></xsl:template>
  <xsl:template match="akn:role"><span class="rol"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="akn:person"><span class="persoon"><xsl:apply-templates/></span></xsl:template>
  <!-- Any other inline element of AKN: its text, never its markup. -->
  <xsl:template match="akn:span | akn:inline | akn:docTitle | akn:docNumber
                       | akn:docDate | akn:docType | akn:u | akn:entity
                       | akn:organization | akn:location | akn:quantity">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ============================================================ figures -->

  <!-- Only a relative path without "..", scheme or leading slash. -->
  <xsl:template name="src-ok">
    <xsl:param name="src"/>
    <xsl:if test="string($src) and not(contains($src, ':')) and not(starts-with($src, '/'))
                  and not(contains($src, '..')) and not(contains($src, '\'))">1</xsl:if>
  </xsl:template>

  <xsl:template match="akn:img" mode="figuur">
    <xsl:variable name="ok">
      <xsl:call-template name="src-ok">
        <xsl:with-param name="src" select="normalize-space(@src)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="$ok = '1'">
      <figure class="illustratie">
        <img src="{normalize-space(@src)}" alt="{@alt}"/>
      </figure>
    </xsl:if>
  </xsl:template>

  <!-- An img inside running text (not a figure): its alt text. -->
  <xsl:template match="akn:img"><xsl:value-of select="@alt"/></xsl:template>

  <!-- ============================================================ blocks -->

  <xsl:template match="akn:content | akn:intro | akn:wrapUp">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A p: its figures first (as <figure>), then its text if any. An
       empty p writes nothing. -->
  <xsl:template match="akn:p">
    <xsl:apply-templates select="akn:img" mode="figuur"/>
    <xsl:if test="normalize-space(.) != '' or *[not(self::akn:img)]">
      <xsl:choose>
        <xsl:when test="akn:img and normalize-space(text()) = '' and count(*) = count(akn:img)"/>
        <xsl:otherwise>
          <p><xsl:apply-templates select="node()[not(self::akn:img)]"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="akn:ul">
    <xsl:if test="akn:li"><ul><xsl:apply-templates select="akn:li"/></ul></xsl:if>
  </xsl:template>
  <xsl:template match="akn:ol">
    <xsl:if test="akn:li"><ol><xsl:apply-templates select="akn:li"/></ol></xsl:if>
  </xsl:template>
  <xsl:template match="akn:li">
    <li>
      <xsl:apply-templates/>
      <xsl:if test="normalize-space(.) = '' and not(.//akn:img)">–</xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="akn:blockList">
    <ul><xsl:apply-templates select="akn:item"/></ul>
  </xsl:template>
  <xsl:template match="akn:item"><li><xsl:apply-templates/></li></xsl:template>

  <!-- Tables are data tables only (the IR has no layout tables). -->
  <xsl:template match="akn:table">
    <table><tbody><xsl:apply-templates select="akn:tr"/></tbody></table>
  </xsl:template>
  <xsl:template match="akn:tr"><tr><xsl:apply-templates select="akn:th | akn:td"/></tr></xsl:template>
  <xsl:template match="akn:th"><th><xsl:apply-templates/><xsl:if test="normalize-space(.) = ''">–</xsl:if></th></xsl:template>
  <xsl:template match="akn:td"><td><xsl:apply-templates/><xsl:if test="normalize-space(.) = ''">–</xsl:if></td></xsl:template>

  <!-- The text of a block container with its first p inline (for a label
       that hangs before it: "2. Bij de beslissing …"), the rest as blocks. -->
  <xsl:template name="inline-eerst">
    <xsl:param name="blokken"/>
    <xsl:variable name="eerste" select="$blokken[1]"/>
    <xsl:choose>
      <xsl:when test="$eerste/self::akn:p and not($eerste/akn:img)">
        <xsl:apply-templates select="$eerste/node()"/>
        <xsl:apply-templates select="$blokken[position() &gt; 1]"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$blokken"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ labels -->

  <!-- The law ids of an article: its own #wet-… tokens, else its part's.
       The common part (#wet-gemeenschappelijk) stands for every law of
       the ordinance; the slotbepalingen part (#wet-slot) for none. The
       laws are the declared wet-… concepts other than these two. -->
  <xsl:variable name="geen-wet" select="' wet-gemeenschappelijk wet-slot '"/>
  <xsl:template name="wet-labels">
    <xsl:param name="artikel"/>
    <xsl:variable name="eigen" select="str:tokenize($artikel/@refersTo, ' ')[starts-with(., '#wet-')]"/>
    <xsl:variable name="deel" select="str:tokenize($artikel/ancestor::akn:part[1]/@refersTo, ' ')[starts-with(., '#wet-')]"/>
    <xsl:variable name="gekozen" select="$eigen | $deel[not($eigen)]"/>
    <xsl:variable name="wetten-rtf">
      <xsl:for-each select="$gekozen">
        <xsl:choose>
          <xsl:when test=". = '#wet-gemeenschappelijk'">
            <xsl:for-each select="$act/akn:meta/akn:references/akn:TLCConcept[starts-with(@eId, 'wet-')]">
              <xsl:if test="not(contains($geen-wet, concat(' ', @eId, ' ')))">
                <w><xsl:value-of select="concat('#', @eId)"/></w>
              </xsl:if>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="contains($geen-wet, concat(' ', substring(., 2), ' '))"/>
          <xsl:otherwise><w><xsl:value-of select="."/></w></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="wetten" select="exsl:node-set($wetten-rtf)/*"/>
    <xsl:if test="$wetten">
      <ul class="wet-labels" aria-label="Wet">
        <xsl:for-each select="$wetten">
          <xsl:variable name="id" select="substring(., 2)"/>
          <xsl:if test="not(preceding-sibling::*[. = current()])">
            <!-- (key() would look in the token's own tree, not the act) -->
            <xsl:variable name="tlc" select="$act/akn:meta/akn:references/*[@eId = $id]"/>
            <li>
              <xsl:choose>
                <xsl:when test="$tlc/@showAs"><xsl:value-of select="$tlc/@showAs"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="substring-after($id, 'wet-')"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:if>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- "Artikel 7.2" → "artikel 7.2" (for running text). -->
  <xsl:template name="num-klein">
    <xsl:param name="num"/>
    <xsl:value-of select="translate(substring($num, 1, 1), 'ADHP', 'adhp')"/>
    <xsl:value-of select="substring($num, 2)"/>
  </xsl:template>

  <!-- Text nodes: written (and so escaped) by the serializer. Any AKN
       element without a template of its own gives its text only. -->
  <xsl:template match="akn:*"><xsl:apply-templates/></xsl:template>

</xsl:stylesheet>
