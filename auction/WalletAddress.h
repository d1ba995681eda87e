#pragma once
// Ethereum addresses as bidders link them to their accounts ("wallet 0x…" in a reply), for the
// settlement on Shape: 20 bytes as 0x + 40 hex digits, checked against EIP-55 when the letters
// are mixed case (all lower or all upper case carries no checksum), and always kept in its
// checksummed form.

#include <QString>

#include <optional>

namespace sb::auction {

class WalletAddress
{
public:
    // The EIP-55 form of `text` ("0x" + 40 hex digits); nullopt with *why when it is not an
    // address or its mixed-case letters do not match the checksum (a typo would send the NFT
    // elsewhere).
    static std::optional<QString> checksummed(const QString& text, QString* why = nullptr);

    // A wallet link in a post: the word "wallet" followed by an address, anywhere in the text
    // (after the bid grammar's normalization: full-width characters, invisible controls).
    // nullopt when the post links none; with *why set when it tried and the address is wrong.
    static std::optional<QString> linkIn(const QString& postText, QString* why = nullptr);
};

} // namespace sb::auction
