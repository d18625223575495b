import { describe, expect, it } from "vitest";
import { altTextEdits, bodyStart, imageInsertion, imageUrlOfLine, type TextEdit } from "./image_lines";

const apply = (doc: string, e: TextEdit) => doc.slice(0, e.from) + e.insert + doc.slice(e.to);
const A = "![](/assets/images/a.jpg)";
const B = "![](/assets/images/b.jpg)";

describe("imageInsertion", () => {
  it("puts the images as their own paragraph after the line dropped on", () => {
    const doc = "---\ntitle: x\n---\nFirst paragraph.\nSecond line.\n\nNext.\n";
    const at = doc.indexOf("First") + 3;
    expect(apply(doc, imageInsertion(doc, at, [A, B]))).toBe(
      `---\ntitle: x\n---\nFirst paragraph.\n\n${A}\n\n${B}\nSecond line.\n\nNext.\n`.replace(
        `${B}\nSecond`,
        `${B}\n\nSecond`,
      ),
    );
  });

  it("fills a blank line between two paragraphs", () => {
    const doc = "One.\n\nTwo.\n";
    expect(apply(doc, imageInsertion(doc, 5, [A]))).toBe(`One.\n\n${A}\n\nTwo.\n`);
  });

  it("appends at the end of a document without a final newline", () => {
    const doc = "One.";
    expect(apply(doc, imageInsertion(doc, 4, [A]))).toBe(`One.\n\n${A}`);
  });

  it("never inserts inside the front matter", () => {
    const doc = "---\ntitle: x\n---\n\nBody.\n";
    expect(bodyStart(doc)).toBe(17);
    expect(apply(doc, imageInsertion(doc, 5, [A]))).toBe(`---\ntitle: x\n---\n\n${A}\n\nBody.\n`);
  });
});

describe("altTextEdits", () => {
  it("sets the alt text of each inserted line, whatever was typed around them", () => {
    const doc = `Intro typed meanwhile.\n\n${A}\n\n${B}\n\n![old](/assets/images/c.jpg)\n`;
    const edits = altTextEdits(doc, ["/assets/images/a.jpg", "/assets/images/b.jpg"], " Keynote [day 1]\n");
    let out = doc;
    for (const e of [...edits].reverse()) out = apply(out, e);
    expect(out).toBe(
      "Intro typed meanwhile.\n\n![Keynote day 1](/assets/images/a.jpg)\n\n![Keynote day 1](/assets/images/b.jpg)\n\n![old](/assets/images/c.jpg)\n",
    );
  });
});

describe("altTextEdits on HTML", () => {
  it("sets the alt attribute of the <img> of a picture or srcset line", () => {
    const pic =
      '<picture><source type="image/webp" srcset="/i/a-300.webp 300w, /i/a-600.webp 600w" sizes="100vw"><img src="/i/a-600.jpg" srcset="/i/a-300.jpg 300w, /i/a-600.jpg 600w" sizes="100vw" alt=""></picture>';
    const doc = `Intro.\n\n${pic}\n`;
    const edits = altTextEdits(doc, ["/i/a-600.jpg"], 'Salle "A" <1>');
    expect(edits.length).toBe(1);
    const out = apply(doc, edits[0]);
    expect(out).toBe(`Intro.\n\n${pic.replace('alt=""', 'alt="Salle &quot;A&quot; &lt;1&gt;"')}\n`);
  });
});

describe("imageUrlOfLine", () => {
  it("reads the src of an <img> line", () => {
    expect(imageUrlOfLine('<picture><source srcset="/i/a.webp"><img src="/i/a.jpg" alt="x"></picture>')).toBe("/i/a.jpg");
  });

  it("reads the image of a line", () => {
    expect(imageUrlOfLine("## ![](/assets/images/x.jpeg)")).toBe("/assets/images/x.jpeg");
    expect(imageUrlOfLine('![a](/i/y.png "title")')).toBe("/i/y.png");
    expect(imageUrlOfLine("[link](/x)")).toBeNull();
  });
});
