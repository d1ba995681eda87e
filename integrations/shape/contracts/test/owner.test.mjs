// The owner's side: proceeds go to the treasury and nowhere else, the operator key can be replaced,
// and the house can be paused.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {
    deadlineIn,
    deployHouse,
    gasUsed,
    kHour,
    kPriceWei,
    reserve,
    useAnvil
} from '../support/fixture.mjs';

const env = useAnvil();

const gasCost = (receipt) => gasUsed(receipt) * BigInt(receipt.effectiveGasPrice);

async function houseWithProceeds() {
    const {roles} = env;
    const house = await deployHouse(env);
    await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
    await reserve(env, house, {auctionId: 2n, buyer: roles.runnerUp, priceWei: 3n * kPriceWei});
    await house.send('claim', [1n], {from: roles.buyer, value: kPriceWei});
    await house.transfer({from: roles.runnerUp, value: 3n * kPriceWei});
    return house;
}

describe('withdraw', () => {
    test('pays every wei of proceeds to the owner', async (t) => {
        const {roles, anvil} = env;
        const house = await houseWithProceeds();
        const before = await anvil.balance(roles.treasury);
        const receipt = await house.send('withdraw', [], {from: roles.treasury});
        assert.deepEqual(
            receipt.events,
            [{name: 'Withdrawn', args: {treasury: roles.treasury, amountWei: 4n * kPriceWei}}]);
        assert.equal(await anvil.balance(house.address), 0n);
        assert.equal(
            await anvil.balance(roles.treasury), before + 4n * kPriceWei - gasCost(receipt));
        await house.expectRevert(
            house.send('withdraw', [], {from: roles.treasury}), 'NothingToWithdraw', []);
        t.diagnostic(`gas used: withdraw ${gasUsed(receipt)}`);
    });

    test('the operator cannot withdraw, nor can a buyer', async () => {
        const {roles, anvil} = env;
        const house = await houseWithProceeds();
        for (const from of [roles.operator, roles.buyer, roles.deployer]) {
            await house.expectRevert(
                house.send('withdraw', [], {from}), 'OwnableUnauthorizedAccount', [from]);
        }
        assert.equal(await anvil.balance(house.address), 4n * kPriceWei);
    });

    test(
        'after a two-step ownership transfer the new owner is the treasury, the old one is not',
        async () => {
            const {roles, anvil} = env;
            const house = await houseWithProceeds();
            const vault = roles.other;
            await house.send('transferOwnership', [vault], {from: roles.treasury});
            assert.equal(
                await house.call('owner'), roles.treasury,
                'the transfer waits for the new owner to accept');
            await house.expectRevert(
                house.send('acceptOwnership', [], {from: roles.operator}),
                'OwnableUnauthorizedAccount', [roles.operator]);
            await house.send('acceptOwnership', [], {from: vault});
            assert.equal(await house.call('owner'), vault);

            await house.expectRevert(
                house.send('withdraw', [], {from: roles.treasury}), 'OwnableUnauthorizedAccount',
                [roles.treasury]);
            const before = await anvil.balance(vault);
            const receipt = await house.send('withdraw', [], {from: vault});
            assert.equal(await anvil.balance(vault), before + 4n * kPriceWei - gasCost(receipt));
        });

    test('ownership cannot be renounced: the proceeds would be stuck', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        await house.expectRevert(
            house.send('renounceOwnership', [], {from: roles.treasury}), 'RenounceDisabled', []);
        await house.expectRevert(
            house.send('renounceOwnership', [], {from: roles.operator}),
            'OwnableUnauthorizedAccount', [roles.operator]);
        assert.equal(await house.call('owner'), roles.treasury);
    });
});

describe('operator', () => {
    test('only the owner replaces the operator key, and the old key stops working', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        const newKey = roles.other;
        await house.expectRevert(
            house.send('setOperator', [roles.stranger], {from: roles.operator}),
            'OwnableUnauthorizedAccount', [roles.operator]);
        const receipt = await house.send('setOperator', [newKey], {from: roles.treasury});
        assert.deepEqual(receipt.events, [
            {name: 'OperatorChanged', args: {previousOperator: roles.operator, newOperator: newKey}}
        ]);
        assert.equal(await house.call('operator'), newKey);

        const deadline = await deadlineIn(env);
        await house.expectRevert(
            house.send(
                'reserve', [1n, roles.buyer, kPriceWei, deadline, 'ipfs://x'],
                {from: roles.operator}),
            'NotOperator',
            [roles.operator],
        );
        await house.send(
            'reserve', [1n, roles.buyer, kPriceWei, deadline, 'ipfs://x'], {from: newKey});
    });
});

describe('pause', () => {
    test(
        'blocks reserve, reassign and claims (call or transfer); cancel and withdraw still work',
        async () => {
            const {roles, anvil} = env;
            const house = await houseWithProceeds();
            await reserve(env, house, {auctionId: 3n, buyer: roles.buyer});
            await reserve(env, house, {auctionId: 4n, buyer: roles.runnerUp});
            await reserve(env, house, {auctionId: 5n, buyer: roles.stranger});
            await house.send('pause', [], {from: roles.treasury});
            assert.equal(await house.call('paused'), true);

            await house.expectRevert(
                reserve(env, house, {auctionId: 6n, buyer: roles.buyer}), 'EnforcedPause', []);
            await house.expectRevert(
                house.send('claim', [3n], {from: roles.buyer, value: kPriceWei}), 'EnforcedPause',
                []);
            await house.expectRevert(
                house.transfer({from: roles.buyer, value: kPriceWei}), 'EnforcedPause', []);
            await anvil.increaseTime(kHour + 1n);
            const deadline = await deadlineIn(env);
            await house.expectRevert(
                house.send(
                    'reassign', [4n, roles.other, kPriceWei, deadline], {from: roles.operator}),
                'EnforcedPause',
                [],
            );
            await house.send('cancel', [5n], {from: roles.operator});
            await house.send('withdraw', [], {from: roles.treasury});

            await house.send('unpause', [], {from: roles.treasury});
            await house.send(
                'reassign', [4n, roles.other, kPriceWei, deadline], {from: roles.operator});
            await house.send('claim', [4n], {from: roles.other, value: kPriceWei});
            await reserve(env, house, {auctionId: 6n, buyer: roles.buyer});
            assert.equal(await house.call('ownerOf', [4n]), roles.other);
        });

    test('only the owner pauses and unpauses: not the operator', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        await house.expectRevert(
            house.send('pause', [], {from: roles.operator}), 'OwnableUnauthorizedAccount',
            [roles.operator]);
        await house.send('pause', [], {from: roles.treasury});
        await house.expectRevert(
            house.send('unpause', [], {from: roles.operator}), 'OwnableUnauthorizedAccount',
            [roles.operator]);
        assert.equal(await house.call('paused'), true);
    });
});
