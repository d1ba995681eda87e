#include "JsonDuplicateKeys.h"

#include <set>
#include <vector>

namespace sb::common {

namespace {

struct Container
{
    bool isObject = false;
    QString name;             // how the path names it: "crop", "[2]"
    std::set<QString> keys;   // objects: the keys seen so far
    int index = -1;           // arrays: the element being read
    QString pendingKey;       // objects: the key whose value comes next
    bool expectingKey = true; // objects: the next string is a key
};

class Scanner
{
public:
    explicit Scanner(const QByteArray& json) : m_json(json) {}

    std::optional<JsonDuplicateKey> run()
    {
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos);
            switch (c) {
            case '\n':
                ++m_line;
                ++m_pos;
                break;
            case '{':
            case '[':
                open(c == '{');
                ++m_pos;
                break;
            case '}':
            case ']':
                if (!m_stack.empty())
                    m_stack.pop_back();
                ++m_pos;
                break;
            case ',':
                if (!m_stack.empty()) {
                    Container& top = m_stack.back();
                    if (top.isObject)
                        top.expectingKey = true;
                    else
                        ++top.index;
                }
                ++m_pos;
                break;
            case '"': {
                const int line = m_line;
                const QString text = readString();
                if (!m_stack.empty() && m_stack.back().isObject && m_stack.back().expectingKey) {
                    Container& top = m_stack.back();
                    top.expectingKey = false;
                    top.pendingKey = text;
                    if (!top.keys.insert(text).second)
                        return JsonDuplicateKey{text, path(), line};
                }
                break;
            }
            default:
                ++m_pos; // ':', numbers, literals, white space
                break;
            }
        }
        return std::nullopt;
    }

private:
    void open(bool isObject)
    {
        Container container;
        container.isObject = isObject;
        if (!m_stack.empty()) {
            const Container& parent = m_stack.back();
            container.name =
                parent.isObject ? parent.pendingKey : QStringLiteral("[%1]").arg(parent.index);
        }
        if (!isObject)
            container.index = 0;
        m_stack.push_back(std::move(container));
    }

    QString path() const
    {
        QString result;
        for (std::size_t i = 1; i < m_stack.size(); ++i) { // the outermost value has no name
            const QString& name = m_stack[i].name;
            if (!result.isEmpty() && !name.startsWith(QLatin1Char('[')))
                result += QLatin1Char('.');
            result += name;
        }
        return result;
    }

    // Reads a string token starting at the opening quote; returns it decoded.
    QString readString()
    {
        ++m_pos; // the opening quote
        QByteArray utf8;
        QString decoded;
        const auto flush = [&] {
            decoded += QString::fromUtf8(utf8);
            utf8.clear();
        };
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos++);
            if (c == '"')
                break;
            if (c != '\\') {
                utf8 += c;
                continue;
            }
            if (m_pos >= m_json.size())
                break;
            const char escaped = m_json.at(m_pos++);
            switch (escaped) {
            case 'b':
                utf8 += '\b';
                break;
            case 'f':
                utf8 += '\f';
                break;
            case 'n':
                utf8 += '\n';
                break;
            case 'r':
                utf8 += '\r';
                break;
            case 't':
                utf8 += '\t';
                break;
            case 'u': {
                flush();
                bool ok = false;
                const char16_t unit = char16_t(m_json.mid(m_pos, 4).toUShort(&ok, 16));
                m_pos += 4;
                if (ok)
                    decoded += QChar(unit); // surrogate pairs join up as two units
                break;
            }
            default:
                utf8 += escaped;
                break; // '"', '\\', '/'
            }
        }
        flush();
        return decoded;
    }

    const QByteArray& m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    std::vector<Container> m_stack;
};

} // namespace

std::optional<JsonDuplicateKey> JsonDuplicateKeys::find(const QByteArray& json)
{
    return Scanner(json).run();
}

} // namespace sb::common
