// PGlite's CommonJS build loads Node built-ins with dynamic import(), which Jest's module sandbox
// refuses without --experimental-vm-modules. This transform (applied to PGlite's .cjs files only)
// turns `import("fs")` into the equivalent require, namespace shape included. The module's own
// `require` is captured first: the minified code shadows the name in places.
module.exports = {
  process(source) {
    const replaced = source.replace(
      /\bimport\(("(?:node:)?[a-z/_]+")\)/g,
      (_, name) =>
        `Promise.resolve().then(() => { const m = __moduleRequire(${name}); return { ...m, default: m }; })`,
    );
    return { code: `const __moduleRequire = require;${replaced}` };
  },
};
