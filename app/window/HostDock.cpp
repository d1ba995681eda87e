#include "HostDock.h"

#include "HostMood.h"
#include "HostOverlay.h"
#include "LineComposer.h"
#include "LineDirector.h"
#include "PlainTextLabels.h"
#include "SceneBuilder.h"
#include "ShowScene.h"
#include "StudioController.h"
#include "VtsBridge.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace sb::app {

using namespace sb::studio;

HostDock::HostDock(StudioController& studio, QWidget* parent)
    : QDockWidget(tr("Host"), parent), m_studio(studio)
{
    setObjectName(QStringLiteral("HostDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    auto* form = new QFormLayout;
    m_mood = new QLabel(body);
    m_mood->setObjectName(QStringLiteral("moodLabel"));
    QFont big = m_mood->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_mood->setFont(big);
    form->addRow(tr("Mood now:"), m_mood);
    auto* moodRow = new QHBoxLayout;
    m_moods = new QComboBox(body);
    m_moods->setObjectName(QStringLiteral("moodCombo"));
    for (HostMood mood : allHostMoods())
        m_moods->addItem(hostMoodDisplayName(mood), hostMoodName(mood));
    m_setMood = new QPushButton(tr("Set mood"), body);
    m_setMood->setObjectName(QStringLiteral("setMoodButton"));
    moodRow->addWidget(m_moods, 1);
    moodRow->addWidget(m_setMood);
    form->addRow(tr("Operator:"), moodRow);
    layout->addLayout(form);
    auto* sayRow = new QHBoxLayout;
    m_line = new QLineEdit(body);
    m_line->setObjectName(QStringLiteral("lineEdit"));
    m_line->setPlaceholderText(tr("A line for the host to say"));
    m_say = new QPushButton(tr("Say"), body);
    m_say->setObjectName(QStringLiteral("sayButton"));
    sayRow->addWidget(m_line, 1);
    sayRow->addWidget(m_say);
    layout->addLayout(sayRow);
    auto* controlRow = new QHBoxLayout;
    m_mute = new QPushButton(tr("Mute"), body);
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setCheckable(true);
    m_mute->setToolTip(tr("The host stops saying and captioning lines about the auction; "
                          "your own lines are still said"));
    m_skip = new QPushButton(tr("Skip line"), body);
    m_skip->setObjectName(QStringLiteral("skipButton"));
    m_skip->setToolTip(tr("Stops the line she is saying now, and drops lines waiting for the LLM"));
    controlRow->addWidget(m_mute);
    controlRow->addWidget(m_skip);
    controlRow->addStretch(1);
    layout->addLayout(controlRow);
    m_muted = new QLabel(tr("Muted: she says no lines about the auction, only yours."), body);
    m_muted->setObjectName(QStringLiteral("mutedLabel"));
    m_muted->setWordWrap(true);
    m_muted->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    layout->addWidget(m_muted);
    // The optional LLM and VTube Studio, in words; hidden while they are not in use.
    m_llm = new QLabel(body);
    m_llm->setObjectName(QStringLiteral("llmLabel"));
    m_llm->setWordWrap(true);
    layout->addWidget(m_llm);
    m_vts = new QLabel(body);
    m_vts->setObjectName(QStringLiteral("vtsLabel"));
    m_vts->setWordWrap(true);
    layout->addWidget(m_vts);
    layout->addStretch(1);
    setWidget(body);

    connect(m_setMood, &QPushButton::clicked, this, &HostDock::applyMood);
    connect(m_say, &QPushButton::clicked, this, &HostDock::say);
    connect(m_line, &QLineEdit::returnPressed, this, &HostDock::say);
    connect(m_mute, &QPushButton::toggled, this, &HostDock::setMuted);
    connect(m_skip, &QPushButton::clicked, this, &HostDock::skip);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &HostDock::refresh);
    timer->start(250);
    refresh();
}

void HostDock::refresh()
{
    m_mood->setText(hostMoodDisplayName(m_studio.host().mood()));
    ShowScene& show = m_studio.show();
    const bool muted = show.isHostMuted();
    if (m_mute->isChecked() != muted) {
        const QSignalBlocker quiet(m_mute);
        m_mute->setChecked(muted);
    }
    m_mute->setText(muted ? tr("Unmute") : tr("Mute"));
    m_muted->setVisible(muted);
    const QString llm =
        show.composer().llmConfigured() ? show.composer().lastLlmResult() : QString();
    m_llm->setText(tr("LLM: %1").arg(llm));
    m_llm->setVisible(!llm.isEmpty());
    const auto* vts = show.vtubeStudio();
    m_vts->setText(vts ? tr("VTube Studio: %1").arg(vts->stateText()) : QString());
    m_vts->setVisible(vts != nullptr);
}

void HostDock::applyMood()
{
    if (const auto mood = hostMoodFromName(m_moods->currentData().toString()))
        m_studio.host().setMood(*mood, m_studio.clock().nowUtcMs());
    refresh();
}

void HostDock::setMuted(bool muted)
{
    m_studio.show().setHostMuted(muted);
    refresh();
}

void HostDock::skip()
{
    m_studio.show().skipLine();
}

void HostDock::say()
{
    const QString line = m_line->text().trimmed();
    if (line.isEmpty())
        return;
    // The operator's line goes first, through the host's blocklist, and is journaled.
    const auto said = m_studio.hostLines().sayOperatorLine(line, m_studio.clock().nowUtcMs());
    if (!said.accepted) {
        m_line->setToolTip(plainToolTip(said.reason));
        m_line->setStyleSheet(QStringLiteral("color: #b00020"));
        return;
    }
    m_line->setToolTip({});
    m_line->setStyleSheet({});
    m_line->clear();
}

} // namespace sb::app
