// A buyer that is a contract gets called back by the mint (onERC721Received). One that uses the
// call to claim again, by claim() or by a plain transfer, gets one token and pays once.
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';

import {compileSources} from '../compile.mjs';
import {Contract} from '../support/contract.mjs';
import {deployHouse, kPriceWei, kTokenURI, reserve, Status, useAnvil} from '../support/fixture.mjs';

const env = useAnvil();
const Attack = Object.freeze({None: 0n, ClaimAgain: 1n, PayAgain: 2n});

let receiverCompiled;
before(() => {
    const source = 'test/MaliciousReceiver.sol';
    receiverCompiled = compileSources([source]).contracts[`${source}:MaliciousReceiver`];
});

/// A house, and a receiver contract that won auction 1 and holds enough ETH to pay for it twice.
async function setUp(attack) {
    const {anvil, roles} = env;
    const house = await deployHouse(env);
    const receiver =
        await Contract.deploy(anvil, receiverCompiled, [house.address], {from: roles.stranger});
    await receiver.send('setAttack', [attack], {from: roles.stranger});
    await anvil.setBalance(receiver.address, 2n * kPriceWei);
    await reserve(env, house, {auctionId: 1n, buyer: receiver.address});
    return {house, receiver};
}

async function claimThroughReceiver({house, receiver}) {
    const {anvil, roles} = env;
    const receipt = await receiver.send('claim', [1n], {from: roles.stranger, value: kPriceWei});
    const transfers = house.decodeEvents(receipt).filter((e) => e.name === 'Transfer');
    assert.equal(transfers.length, 1, 'one mint');
    assert.equal(await house.call('ownerOf', [1n]), receiver.address);
    assert.equal(await house.call('balanceOf', [receiver.address]), 1n);
    assert.equal(await house.call('tokenURI', [1n]), kTokenURI);
    assert.equal(await anvil.balance(house.address), kPriceWei, 'the house was paid once');
    assert.equal(await anvil.balance(receiver.address), 2n * kPriceWei, 'the receiver paid once');
    assert.equal(await receiver.call('callbacks'), 1n);
    // The house had marked the auction claimed before it minted: checks, effects, interactions.
    assert.equal(await receiver.call('statusDuringMint'), Status.Claimed);
}

describe('reentrancy through the mint callback', () => {
    test('a contract buyer that only receives gets its token', async () => {
        const setup = await setUp(Attack.None);
        await claimThroughReceiver(setup);
        assert.equal(await setup.receiver.call('reentered'), false);
    });

    test(
        'claiming again from onERC721Received fails, without a second mint or payment',
        async () => {
            const setup = await setUp(Attack.ClaimAgain);
            await claimThroughReceiver(setup);
            assert.equal(await setup.receiver.call('reentered'), false);
            const reason = setup.house.decodeError(await setup.receiver.call('reentryError'));
            assert.equal(reason.name, 'ReentrancyGuardReentrantCall');
        });

    test('paying again by plain transfer from onERC721Received fails the same way', async () => {
        const setup = await setUp(Attack.PayAgain);
        await claimThroughReceiver(setup);
        assert.equal(await setup.receiver.call('reentered'), false);
        const reason = setup.house.decodeError(await setup.receiver.call('reentryError'));
        assert.equal(reason.name, 'ReentrancyGuardReentrantCall');
    });

    test('once claimed, the receiver cannot claim again from outside either', async () => {
        const setup = await setUp(Attack.None);
        await claimThroughReceiver(setup);
        await setup.house.expectRevert(
            setup.receiver.send('claim', [1n], {from: env.roles.stranger, value: kPriceWei}),
            'NotOpen', [1n, Status.Claimed]);
    });
});
