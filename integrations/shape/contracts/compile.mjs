#!/usr/bin/env node
// Compiles the auction-house contract with the pinned solc-js and writes its artifact (ABI,
// bytecode, compiler version and settings) beside the source, byte for byte the same on every
// machine: the C++ chain client and the deployment read that file, and tests recompile to check it.
//
//   node integrations/shape/contracts/compile.mjs          writes SothebaisAuctionHouse.json
//   node integrations/shape/contracts/compile.mjs --check  exits 1 if the committed file differs
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

export const contractsDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(contractsDir, '..', '..', '..');
export const artifactPath = join(contractsDir, 'SothebaisAuctionHouse.json');

const kContractSource = 'SothebaisAuctionHouse.sol';
const kContractName = 'SothebaisAuctionHouse';
const kSolcVersion = '0.8.37';  // the pragma's version, and package.json's solc

// Everything that changes the bytecode. Shape is an OP Stack chain: Cancun's opcodes are there.
export const kSettings = {
    evmVersion: 'cancun',
    metadata: {bytecodeHash: 'ipfs'},
    optimizer: {enabled: true, runs: 200},
};

const kNodeModules = join(repoRoot, 'node_modules');

function loadSolc() {
    if (!existsSync(join(kNodeModules, 'solc'))) {
        throw new Error(
            `solc-js is not installed in ${kNodeModules}: run scripts/install-deps.sh (npm ci)`);
    }
    const solc = createRequire(join(repoRoot, 'package.json'))('solc');
    if (!solc.version().startsWith(`${kSolcVersion}+`)) {
        throw new Error(
            `solc-js ${solc.version()} is installed, the contract is pinned to ${kSolcVersion}`);
    }
    return solc;
}

// Source units are named relative to this folder ("SothebaisAuctionHouse.sol",
// "test/MaliciousReceiver.sol") or to node_modules ("@openzeppelin/contracts/..."), never by an
// absolute path: the names end up in the metadata hash inside the bytecode.
function resolveSource(name) {
    const root = name.startsWith('@openzeppelin/') ? kNodeModules : contractsDir;
    const path = normalize(join(root, name));
    if (!path.startsWith(root + sep)) {
        throw new Error(`import outside ${root}: ${name}`);
    }
    return path;
}

function findImports(name) {
    try {
        return {contents: readFileSync(resolveSource(name), 'utf8')};
    } catch (error) {
        return {error: `${name}: ${error.message}`};
    }
}

/// Compiles the given source units (names as above) and returns solc's output for each contract:
/// { "<source>:<Contract>": { abi, evm: { bytecode, deployedBytecode, methodIdentifiers } } }.
/// Warnings in our sources count as errors, as they do for the C++ code; OpenZeppelin's own (solc
/// 0.8.37 warns that `at` will become a keyword) are theirs to fix.
export function compileSources(sourceNames) {
    const solc = loadSolc();
    const input = {
        language: 'Solidity',
        sources: Object.fromEntries(sourceNames.map(
            (name) => [name, {content: readFileSync(resolveSource(name), 'utf8')}])),
        settings: {
            ...kSettings,
            outputSelection: {
                '*': {
                    '*': [
                        'abi', 'evm.bytecode.object', 'evm.deployedBytecode.object',
                        'evm.methodIdentifiers'
                    ]
                },
            },
        },
    };
    const output = JSON.parse(solc.compile(JSON.stringify(input), {import: findImports}));
    const problems = (output.errors ?? [])
                         .filter(
                             (e) => e.severity === 'error' ||
                                 (e.severity === 'warning' &&
                                  !e.sourceLocation?.file.startsWith('@openzeppelin/')),
                         );
    if (problems.length > 0) {
        throw new Error(
            `solc ${solc.version()}:\n${problems.map((e) => e.formattedMessage).join('\n')}`);
    }
    const contracts = {};
    for (const [source, byName] of Object.entries(output.contracts)) {
        for (const [name, contract] of Object.entries(byName)) {
            contracts[`${source}:${name}`] = contract;
        }
    }
    return {version: solc.version(), contracts};
}

export function buildArtifact() {
    const {version, contracts} = compileSources([kContractSource]);
    const contract = contracts[`${kContractSource}:${kContractName}`];
    return {
        contractName: kContractName,
        sourceName: kContractSource,
        compiler: {name: 'solc', version, settings: kSettings},
        abi: contract.abi,
        bytecode: `0x${contract.evm.bytecode.object}`,
        deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
        methodIdentifiers: contract.evm.methodIdentifiers,
    };
}

function sortKeys(value) {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(
            Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
    }
    return value;
}

/// The artifact's file text: keys sorted at every level, two-space indent, one final newline.
export function serializeArtifact(artifact) {
    return `${JSON.stringify(sortKeys(artifact), null, 2)}\n`;
}

export function readArtifact() {
    return JSON.parse(readFileSync(artifactPath, 'utf8'));
}

function main(args) {
    const text = serializeArtifact(buildArtifact());
    if (args.includes('--check')) {
        const committed = existsSync(artifactPath) ? readFileSync(artifactPath, 'utf8') : '';
        if (committed !== text) {
            console.error(
                `${artifactPath} is not what the source compiles to: run node ${process.argv[1]}`);
            return 1;
        }
        console.log(`${artifactPath} matches the source`);
        return 0;
    }
    writeFileSync(artifactPath, text);
    console.log(`wrote ${artifactPath}`);
    return 0;
}

if (process.argv[1] && normalize(process.argv[1]) === fileURLToPath(import.meta.url)) {
    process.exitCode = main(process.argv.slice(2));
}
