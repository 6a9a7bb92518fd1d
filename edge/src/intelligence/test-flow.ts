import { FlowDefinition, type FlowDefinitionInput } from '@smart-onboarding/protocol';

/** The creator-studio demo's flow (examples/creator-studio/public/flow.json), shortened: the tests' sample. */
const sampleFlowInput: FlowDefinitionInput = {
  id: 'creator-studio',
  name: 'Creator Studio: first post',
  steps: [
    {
      id: 'create-profile',
      title: 'Create your profile',
      body: 'Tell us your name.',
      target: { selector: '#signup-form' },
      estimatedDurationSec: 45,
    },
    {
      id: 'connect-account',
      title: 'Connect a social account',
      body: 'Connect at least one channel.',
      target: { selector: '#connect-instagram' },
      prerequisites: ['create-profile'],
      estimatedDurationSec: 60,
      difficulty: 'medium',
      helpArticleIds: ['connect-accounts'],
      variants: [
        {
          id: 'connect-text',
          style: 'text',
          title: 'Connect a social account',
          body: 'Click Connect next to a channel and approve access.',
        },
        {
          id: 'connect-simplified',
          style: 'simplified',
          title: 'One click: connect Instagram',
          body: "Press the Instagram button. That's it.",
        },
      ],
    },
    {
      id: 'set-goals',
      title: 'Set your goals',
      prerequisites: ['create-profile'],
      estimatedDurationSec: 40,
      optional: true,
    },
    {
      id: 'create-post',
      title: 'Write your first post',
      body: 'Write a caption and choose where it goes.',
      target: { selector: '#compose-editor' },
      prerequisites: ['connect-account'],
      estimatedDurationSec: 120,
      difficulty: 'medium',
      helpArticleIds: ['compose-post'],
    },
    {
      id: 'schedule-post',
      title: 'Schedule it',
      body: 'Choose a time slot, then press Schedule.',
      target: { selector: '#schedule-button' },
      prerequisites: ['create-post'],
      estimatedDurationSec: 45,
      difficulty: 'hard',
      helpArticleIds: ['schedule-post'],
      variants: [
        {
          id: 'schedule-simplified',
          style: 'simplified',
          title: 'Pick a slot, then Schedule',
          body: 'First a time slot, then the button.',
        },
      ],
    },
  ],
};

export const sampleFlow = FlowDefinition.parse(sampleFlowInput);
