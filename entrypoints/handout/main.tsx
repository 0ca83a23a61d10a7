import { startHandoutPage } from '../../components/handout/start-handout';
import '../../components/handout/handout.css';
import { extensionPlatform } from '../../lib/platform/extension';

// The extension's handout page: own templates come from the extension's storage.
void startHandoutPage(extensionPlatform.store);
