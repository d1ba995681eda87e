// What every contract suite starts from: one anvil for the suite, a fresh auction house per test
// (deployed from the committed artifact, the bytes that would go on chain) and named roles.
import {after, before} from 'node:test';

import {readArtifact} from '../compile.mjs';

import {startAnvil} from './anvil.mjs';
import {Contract} from './contract.mjs';

export const kTokenURI =
    'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json';
export const kPriceWei = 25_000_000_000_000_000n;  // 0.025 ETH
export const kHour = 3600n;

// Status values of SothebaisAuctionHouse.Status, as the ABI returns them (uint8).
export const Status = Object.freeze({None: 0n, Open: 1n, Claimed: 2n, Cancelled: 3n});

/// Registers before/after hooks that start anvil for the suite and always stop it, even when a
/// test fails. Returns an object whose fields are filled in by the time the tests run.
export function useAnvil() {
    const env = {};
    before(async () => {
        env.anvil = await startAnvil();
        const [deployer, treasury, operator, buyer, runnerUp, stranger, other] = env.anvil.accounts;
        env.roles = {deployer, treasury, operator, buyer, runnerUp, stranger, other};
    });
    after(async () => {
        await env.anvil?.stop();
    });
    return env;
}

/// A new auction house: the treasury owns it, the operator holds the studio's key.
export async function deployHouse({anvil, roles}) {
    return Contract.deploy(
        anvil, readArtifact(), ['SothebAIs', 'SBAI', roles.treasury, roles.operator], {
            from: roles.deployer,
        });
}

/// A deadline `seconds` after the chain's latest block.
export async function deadlineIn({anvil}, seconds = kHour) {
    return (await anvil.timestamp()) + BigInt(seconds);
}

/// The operator reserves `auctionId` for `buyer`; returns the receipt.
export async function reserve(
    env, house, {auctionId, buyer, priceWei = kPriceWei, deadline, uri = kTokenURI}) {
    return house.send(
        'reserve', [auctionId, buyer, priceWei, deadline ?? (await deadlineIn(env)), uri], {
            from: env.roles.operator,
        });
}

export const gasUsed = (receipt) => BigInt(receipt.gasUsed);
