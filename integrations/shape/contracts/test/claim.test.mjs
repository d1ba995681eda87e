// Reservations by the operator and claims by the winner: who may, when, for how much, and what the
// winner holds afterwards.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {
    deadlineIn,
    deployHouse,
    gasUsed,
    kHour,
    kPriceWei,
    kTokenURI,
    reserve,
    Status,
    useAnvil,
} from '../support/fixture.mjs';

const env = useAnvil();

describe('deployment', () => {
    test('the treasury owns the house, the operator holds the studio key', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        assert.equal(await house.call('owner'), roles.treasury);
        assert.equal(await house.call('operator'), roles.operator);
        assert.equal(await house.call('name'), 'SothebAIs');
        assert.equal(await house.call('symbol'), 'SBAI');
        assert.equal(await house.call('paused'), false);
    });
});

describe('reserve', () => {
    test(
        'the operator reserves; Reserved carries auction, buyer, price, deadline and token URI',
        async (t) => {
            const {roles} = env;
            const house = await deployHouse(env);
            const deadline = await deadlineIn(env);
            const receipt =
                await reserve(env, house, {auctionId: 7n, buyer: roles.buyer, deadline});
            assert.deepEqual(receipt.events, [{
                                 name: 'Reserved',
                                 args: {
                                     auctionId: 7n,
                                     buyer: roles.buyer,
                                     priceWei: kPriceWei,
                                     deadline,
                                     tokenURI: kTokenURI
                                 },
                             }]);
            assert.deepEqual(
                await house.call('reservation', [7n]),
                [Status.Open, roles.buyer, kPriceWei, deadline]);
            assert.deepEqual(await house.call('openAuctionsOf', [roles.buyer]), [7n]);
            t.diagnostic(`gas used: reserve ${gasUsed(receipt)}`);
        });

    test('only the operator reserves: not the owner, not a buyer', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        const deadline = await deadlineIn(env);
        for (const from of [roles.treasury, roles.buyer, roles.stranger]) {
            await house.expectRevert(
                house.send('reserve', [1n, roles.buyer, kPriceWei, deadline, kTokenURI], {from}),
                'NotOperator',
                [from],
            );
        }
        assert.deepEqual(
            await house.call('reservation', [1n]), [Status.None, `0x${'0'.repeat(40)}`, 0n, 0n]);
    });

    test('one reservation per auction, also once it is claimed', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        await house.expectRevert(
            reserve(env, house, {auctionId: 1n, buyer: roles.runnerUp}), 'AlreadyReserved', [1n]);
        await house.send('claim', [1n], {from: roles.buyer, value: kPriceWei});
        await house.expectRevert(
            reserve(env, house, {auctionId: 1n, buyer: roles.runnerUp}), 'AlreadyReserved', [1n]);
    });

    test(
        'reserve refuses no buyer, the house itself, a deadline not in the future, an empty URI',
        async () => {
            const {roles, anvil} = env;
            const house = await deployHouse(env);
            const zero = `0x${'0'.repeat(40)}`;
            await house.expectRevert(
                reserve(env, house, {auctionId: 1n, buyer: zero}), 'InvalidBuyer', [zero]);
            await house.expectRevert(
                reserve(env, house, {auctionId: 1n, buyer: house.address}), 'InvalidBuyer',
                [house.address]);
            const now = await anvil.timestamp();
            await anvil.setNextTimestamp(now + 10n);
            await house.expectRevert(
                reserve(env, house, {auctionId: 1n, buyer: roles.buyer, deadline: now + 10n}),
                'DeadlineNotInFuture', [now + 10n, now + 10n]);
            await house.expectRevert(
                reserve(env, house, {auctionId: 1n, buyer: roles.buyer, uri: ''}), 'EmptyTokenURI',
                [1n]);
        });
});

describe('claim', () => {
    test(
        'the buyer pays exactly the price and holds token auctionId, with the lot URI',
        async (t) => {
            const {roles, anvil} = env;
            const house = await deployHouse(env);
            const reserved = await reserve(env, house, {auctionId: 42n, buyer: roles.buyer});
            const receipt = await house.send('claim', [42n], {from: roles.buyer, value: kPriceWei});

            // The auction is marked claimed (the event) before the token is minted to the buyer
            // (Transfer).
            assert.deepEqual(receipt.events, [
                {name: 'Claimed', args: {auctionId: 42n, buyer: roles.buyer, priceWei: kPriceWei}},
                {
                    name: 'Transfer',
                    args: {from: `0x${'0'.repeat(40)}`, to: roles.buyer, tokenId: 42n}
                }
            ]);
            assert.equal(await house.call('ownerOf', [42n]), roles.buyer);
            assert.equal(await house.call('balanceOf', [roles.buyer]), 1n);
            assert.equal(await house.call('tokenURI', [42n]), kTokenURI);
            assert.equal((await house.call('reservation', [42n]))[0], Status.Claimed);
            assert.deepEqual(await house.call('openAuctionsOf', [roles.buyer]), []);
            assert.equal(await anvil.balance(house.address), kPriceWei);
            t.diagnostic(`gas used: deploy ${gasUsed(house.deployReceipt)}, reserve ${
                gasUsed(reserved)}, claim ${gasUsed(receipt)}`);
        });

    test('a second claim is refused and mints nothing', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        await house.send('claim', [1n], {from: roles.buyer, value: kPriceWei});
        await house.expectRevert(
            house.send('claim', [1n], {from: roles.buyer, value: kPriceWei}), 'NotOpen',
            [1n, Status.Claimed]);
        assert.equal(await house.call('balanceOf', [roles.buyer]), 1n);
        assert.equal(await anvil.balance(house.address), kPriceWei);
    });

    test('the wrong amount is refused: less, more, nothing', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        for (const value of [kPriceWei - 1n, kPriceWei + 1n, 0n]) {
            await house.expectRevert(
                house.send('claim', [1n], {from: roles.buyer, value}), 'WrongAmount',
                [1n, kPriceWei, value]);
        }
        assert.equal((await house.call('reservation', [1n]))[0], Status.Open);
    });

    test(
        'only the reserved buyer claims: not the runner-up, the operator or the owner',
        async () => {
            const {roles} = env;
            const house = await deployHouse(env);
            await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
            for (const from of [roles.runnerUp, roles.operator, roles.treasury]) {
                await house.expectRevert(
                    house.send('claim', [1n], {from, value: kPriceWei}), 'NotTheBuyer',
                    [1n, from, roles.buyer]);
            }
            await house.expectRevert(house.call('ownerOf', [1n]), 'ERC721NonexistentToken', [1n]);
        });

    test('a claim in the deadline second is accepted; one second later it is refused', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        const deadline = await deadlineIn(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer, deadline});
        await reserve(env, house, {auctionId: 2n, buyer: roles.runnerUp, deadline});
        await anvil.setNextTimestamp(deadline);
        await house.send('claim', [1n], {from: roles.buyer, value: kPriceWei});
        await anvil.setNextTimestamp(deadline + 1n);
        await house.expectRevert(
            house.send('claim', [2n], {from: roles.runnerUp, value: kPriceWei}), 'DeadlinePassed',
            [2n, deadline]);
        await anvil.increaseTime(kHour);
        await house.expectRevert(
            house.send('claim', [2n], {from: roles.runnerUp, value: kPriceWei}), 'DeadlinePassed',
            [2n, deadline]);
        assert.equal(await house.call('balanceOf', [roles.runnerUp]), 0n);
    });

    test('an auction that was never reserved cannot be claimed and has no token', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        await house.expectRevert(
            house.send('claim', [9n], {from: roles.buyer, value: 0n}), 'NotOpen',
            [9n, Status.None]);
        await house.expectRevert(house.call('tokenURI', [9n]), 'ERC721NonexistentToken', [9n]);
    });
});

describe('a plain transfer claims', () => {
    test('the price sent to the house by the buyer claims their open auction', async (t) => {
        const {roles} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 5n, buyer: roles.buyer});
        const receipt = await house.transfer({from: roles.buyer, value: kPriceWei});
        assert.deepEqual(
            receipt.events.map((e) => e.name),
            ['Claimed', 'Transfer'],
        );
        assert.equal(await house.call('ownerOf', [5n]), roles.buyer);
        assert.equal(await house.call('tokenURI', [5n]), kTokenURI);
        t.diagnostic(`gas used: claim by plain transfer ${gasUsed(receipt)}`);
    });

    test('the same checks hold: the amount, the deadline, a second payment', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 5n, buyer: roles.buyer});
        await house.expectRevert(
            house.transfer({from: roles.buyer, value: kPriceWei - 1n}), 'WrongAmount',
            [5n, kPriceWei, kPriceWei - 1n]);
        await house.transfer({from: roles.buyer, value: kPriceWei});
        await house.expectRevert(
            house.transfer({from: roles.buyer, value: kPriceWei}), 'NoOpenReservation',
            [roles.buyer]);

        await reserve(env, house, {auctionId: 6n, buyer: roles.runnerUp});
        const {3: deadline} = await house.call('reservation', [6n]);
        await anvil.increaseTime(kHour + 1n);
        await house.expectRevert(
            house.transfer({from: roles.runnerUp, value: kPriceWei}), 'DeadlinePassed',
            [6n, deadline]);
    });

    test('from someone without an open reservation it is refused', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 5n, buyer: roles.buyer});
        await house.expectRevert(
            house.transfer({from: roles.stranger, value: kPriceWei}), 'NoOpenReservation',
            [roles.stranger]);
    });

    test(
        'with two open reservations it is ambiguous and refused; claim(auctionId) still works',
        async () => {
            const {roles} = env;
            const house = await deployHouse(env);
            await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
            await reserve(
                env, house, {auctionId: 2n, buyer: roles.buyer, priceWei: 2n * kPriceWei});
            assert.deepEqual(await house.call('openAuctionsOf', [roles.buyer]), [1n, 2n]);
            await house.expectRevert(
                house.transfer({from: roles.buyer, value: kPriceWei}), 'SeveralOpenReservations',
                [roles.buyer, 2n]);

            await house.send('claim', [1n], {from: roles.buyer, value: kPriceWei});
            await house.transfer({from: roles.buyer, value: 2n * kPriceWei});
            assert.equal(await house.call('ownerOf', [2n]), roles.buyer);
            assert.equal(await house.call('balanceOf', [roles.buyer]), 2n);
        });
});
