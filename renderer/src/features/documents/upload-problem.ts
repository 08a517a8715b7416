import type { TFunction } from 'i18next';
import type { UploadProblem } from '../../stores/use-upload-store';

/**
 * Why a file was not added, in the user's language: the checks made here are worded by their reason; the core's
 * refusals (too large, a chunk refused, the library not available) keep the sentence the core wrote, which names the
 * file and the limit.
 */
export function uploadProblemMessage(problem: UploadProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'name':
      return t(`documents.upload.nameProblems.${problem.problem}`);
    case 'empty':
      return t('documents.upload.empty');
    case 'core':
      return problem.error.message;
  }
}
