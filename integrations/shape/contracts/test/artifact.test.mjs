// The committed artifact (what the chain client and a deployment use) is what the pinned solc makes
// of the committed source: a changed source, compiler or setting without a recompile fails here.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import {
    artifactPath,
    buildArtifact,
    readArtifact,
    repoRoot,
    serializeArtifact
} from '../compile.mjs';

const kHint = 'recompile with: node integrations/shape/contracts/compile.mjs';

// Where two hex strings part, instead of both printed whole (each is some 18,000 digits).
function sameHex(committed, fresh, what) {
    if (committed === fresh) return;
    let at = 0;
    while (at < committed.length && committed[at] === fresh[at]) ++at;
    assert.fail(
        `the ${what} differs from byte ${(at - 2) >> 1} on (committed ${
            committed.length / 2 - 1} bytes, ` +
            `compiled ${fresh.length / 2 - 1}): ${kHint}`,
    );
}

test('the committed artifact is what the pinned solc compiles the source to', () => {
    const fresh = buildArtifact();
    const committed = readArtifact();
    const pinned =
        JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).devDependencies.solc;
    assert.ok(
        fresh.compiler.version.startsWith(`${pinned}+`),
        `solc ${fresh.compiler.version} is not package.json's ${pinned}`);
    assert.equal(committed.compiler.version, fresh.compiler.version, kHint);
    assert.deepEqual(committed.compiler.settings, fresh.compiler.settings, kHint);
    assert.deepEqual(committed.abi, fresh.abi, `the ABI differs: ${kHint}`);
    sameHex(committed.bytecode, fresh.bytecode, 'bytecode');
    sameHex(committed.deployedBytecode, fresh.deployedBytecode, 'deployed bytecode');
    assert.ok(
        readFileSync(artifactPath, 'utf8') === serializeArtifact(fresh),
        `${artifactPath} is not byte for byte the compiler's: ${kHint}`);
});
