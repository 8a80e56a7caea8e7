// Entry of dist/typescript.js (see typescriptRuntime.ts): the compiler API as its own bundle.
import ts from 'typescript';

module.exports = ts;
