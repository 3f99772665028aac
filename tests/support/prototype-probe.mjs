// Loaded before a build (`node --import`): when the process ends, prints
// whatever the build added to Object.prototype, for tests/content/security.test.ts.
const before = new Set(Object.getOwnPropertyNames(Object.prototype));
process.on("exit", () => {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !before.has(name));
  process.stderr.write(`\nPROTOTYPE ${JSON.stringify({ added, polluted: {}.polluted ?? null })}\n`);
});
