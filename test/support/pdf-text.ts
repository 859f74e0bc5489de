import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF as pdf-parse extracts it. pdf-parse (pdf.js) loads its worker with a
 * dynamic import, which Jest's CommonJS sandbox refuses, so it runs in a plain Node child.
 */
export function pdfText(pdf: Buffer): string {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(result.text);
    });`;
  return execFileSync(process.execPath, ['-e', script], { input: pdf, cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}
