/**
 * 分发标识 of a numbered controlled copy (JMI/CX/13 4.2.7): on every page, 受控, the 分发号, the
 * holder and department, the issue date and a QR code of the copy's verification page. The QR code
 * is made here at print time as an SVG and embedded as a data: image (the print pages' policy allows
 * no other source); every text goes through the escaping of its context (html.ts).
 */
import QRCode from 'qrcode';
import { sansFamily, symbolsFamily } from './fonts.ts';
import { cssString } from './html.ts';
import { fitText } from './print-css.ts';

/** What one paper copy carries besides the document. */
export interface CopyMark {
  /** 分发号, e.g. JMI/CX/13-B1-007. */
  copy: string;
  holder: string;
  department: string;
  /** 发放日期 YYYY-MM-DD. */
  date: string;
  /** Absolute address of the verification page. */
  verifyUrl: string;
}

/** The QR code of a URL as SVG markup, 84 px (22 mm) wide: black modules on white, quiet zone of 2 modules. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 84, color: { dark: '#000000', light: '#ffffff' } });
}

/**
 * The stamp as CSS for the page margins: margin boxes repeat on every page and never cover the text
 * (a fixed element in the body is moved into the page area by Chromium). The bottom margin grows to
 * hold the QR code on the right and, on the left, the footer followed by 受控, 分发号, holder and date.
 */
export async function copyStamp(mark: CopyMark & { footer: string; commit: string }): Promise<{ css: string; footer: string }> {
  const svg = await qrSvg(mark.verifyUrl);
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const lines = [
    fitText(mark.footer, 56),
    `受控　分发号 ${fitText(mark.copy, 40)}`,
    `持有人 ${fitText(mark.holder, 16)}　${fitText(mark.department, 28)}`,
    `发放日期 ${mark.date}　扫描右侧二维码核验是否现行`,
  ];
  const box = `font-family:'${sansFamily}','${symbolsFamily}';vertical-align:top;border-top:0.6pt solid #333;`;
  const css = `@page{margin-bottom:40mm;
  @bottom-left{${box}font-size:8.5pt;color:#222;padding-top:2mm;white-space:pre;line-height:1.6;content:${lines.map(cssString).join(' "\\A" ')};}
  @bottom-right{${box}font-size:6.5pt;color:#777;padding-top:2mm;text-align:right;white-space:pre;content:url(${cssString(src)}) "\\A" ${cssString(mark.commit)};}
}
`;
  return { css, footer: '' };
}
